package org.spack.cachesearch.index;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.Problem;

/**
 * What one ingest did.
 *
 * @param pages pages indexed
 * @param specs specs indexed
 * @param committed false when nothing was published (--strict with errors)
 * @param indexSpecs documents in the index after the run (the previous commit's when not committed)
 */
public record IngestSummary(
    int pages,
    int specs,
    int failedPages,
    int legacyPages,
    SortedSet<String> tags,
    List<Problem> problems,
    List<PageKey> prunedPages,
    long prunedSpecs,
    Duration elapsed,
    boolean committed,
    long indexSpecs) {

  public IngestSummary {
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    problems = List.copyOf(problems);
    prunedPages = List.copyOf(prunedPages);
  }

  public long errors() {
    return problems.stream().filter(Problem::isError).count();
  }

  public long warnings() {
    return problems.size() - errors();
  }

  public double specsPerSecond() {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
    return specs / seconds;
  }
}
