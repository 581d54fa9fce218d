package org.spack.cachesearch.search;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.Directory;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;

/** The index as a whole: its tags with their counts, and its size and provenance. */
final class IndexSummary {
  private IndexSummary() {}

  /** Every tag, by name: computed once per index generation. */
  static List<TagSummary> tags(IndexView view) {
    return view.memo("tags", () -> computeTags(view));
  }

  /** Every tag's name, by name. */
  static List<String> tagNames(IndexView view) {
    return FacetCounter.allValues(view, SpecField.TAG.indexField()).stream()
        .map(ValueCount::value)
        .sorted()
        .toList();
  }

  private static List<TagSummary> computeTags(IndexView view) {
    return tagNames(view).stream()
        .map(
            tag -> {
              ValueCounting.Counted counted =
                  ValueCounting.valuesOf(
                      view,
                      Selector.and(new MatchAllDocsQuery(), SpecField.TAG, tag),
                      List.of(SpecField.PACKAGE.indexField(), SpecField.STACK.indexField()));
              int specs = counted.hits();
              int packages = counted.values().get(0).size();
              List<String> stacks =
                  counted.values().get(1).stream().map(ValueCount::value).sorted().toList();
              return new TagSummary(tag, packages, specs, stacks);
            })
        .toList();
  }

  static IndexStats stats(IndexView view) {
    try {
      IndexCommit commit = view.reader().getIndexCommit();
      Map<String, String> data = commit.getUserData();
      return new IndexStats(
          view.numSpecs(),
          FacetCounter.allValues(view, SpecField.PACKAGE.indexField()).size(),
          FacetCounter.allValues(view, SpecField.TAG.indexField()).size(),
          size(commit),
          builtAt(data.get(IndexSchema.DATA_BUILT_AT)),
          builtFrom(data.get(IndexSchema.DATA_BUILT_FROM)),
          Integer.parseInt(data.getOrDefault(IndexSchema.DATA_VERSION, "0")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bytes in the index directory now. Not the files of this view's commit: an ingest that
   * commits while the view is open deletes those of them it no longer needs.
   */
  private static long size(IndexCommit commit) throws IOException {
    Directory dir = commit.getDirectory();
    long bytes = 0;
    for (String file : dir.listAll()) {
      try {
        bytes += dir.fileLength(file);
      } catch (NoSuchFileException | FileNotFoundException e) {
        // deleted since the listing, by a commit that replaced it
      }
    }
    return bytes;
  }

  private static OffsetDateTime builtAt(String text) {
    try {
      return text == null ? null : Instant.parse(text).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> builtFrom(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
  }
}
