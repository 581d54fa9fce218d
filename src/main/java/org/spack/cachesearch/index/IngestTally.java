package org.spack.cachesearch.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.Problem;

/** Counts over an ingest's read results, in file order, and what pruning must keep. */
final class IngestTally {
  int pages;
  int specs;
  int failed;
  int legacy;
  final List<Problem> problems = new ArrayList<>();
  private final List<PageOutcome> results;

  IngestTally(List<PageOutcome> results) {
    this.results = results;
    for (PageOutcome r : results) {
      problems.addAll(r.problems());
      switch (r.kind()) {
        case PAGE -> {
          pages++;
          specs += r.specs();
        }
        case FAILED -> failed++;
        case LEGACY -> legacy++;
      }
    }
    problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
  }

  SortedSet<String> indexedTags() {
    return results.stream()
        .filter(r -> r.indexedTag() != null)
        .map(PageOutcome::indexedTag)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Tags the run covers: those of every page it saw, failed ones included. */
  Set<String> tags() {
    return results.stream()
        .filter(r -> r.key() != null)
        .map(r -> r.key().tag())
        .collect(Collectors.toSet());
  }

  /** Pages to keep when pruning: a page that failed to read keeps what it had. */
  Set<PageKey> keys() {
    return results.stream()
        .filter(r -> r.key() != null)
        .map(PageOutcome::key)
        .collect(Collectors.toSet());
  }
}
