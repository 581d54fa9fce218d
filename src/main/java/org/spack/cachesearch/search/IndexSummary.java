package org.spack.cachesearch.search;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
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
import org.spack.cachesearch.search.FacetCounter.ValueCount;

/** The index as a whole: its tags with their counts, and its size and provenance. */
public final class IndexSummary {
  private IndexSummary() {}

  /** A build-cache tag and what it holds. */
  public record Tag(String name, int numPackages, int numSpecs, List<String> stacks) {}

  /** Size and provenance. */
  public record Stats(
      long numSpecs,
      int numPackages,
      int numTags,
      long indexSizeBytes,
      OffsetDateTime builtAt,
      List<String> builtFrom,
      int schemaVersion) {}

  /** Every tag, by name: computed once per index generation. */
  public static List<Tag> tags(IndexView view) {
    return view.cache().memo("tags", () -> computeTags(view));
  }

  private static List<Tag> computeTags(IndexView view) {
    return FacetCounter.allValues(view, IndexSchema.TAG).stream()
        .map(ValueCount::value)
        .sorted()
        .map(
            tag -> {
              var fc =
                  view.collect(
                      SpecFilter.NONE
                          .and(IndexSchema.TAG, tag)
                          .apply(new MatchAllDocsQuery(), null));
              int specs = IndexView.total(fc);
              int packages = FacetCounter.countOf(view, IndexSchema.PACKAGE, fc).size();
              List<String> stacks =
                  FacetCounter.countOf(view, IndexSchema.STACKS, fc).stream()
                      .map(ValueCount::value)
                      .sorted()
                      .toList();
              return new Tag(tag, packages, specs, stacks);
            })
        .toList();
  }

  public static Stats stats(IndexView view) {
    try {
      IndexCommit commit = view.directoryReader().getIndexCommit();
      Map<String, String> data = commit.getUserData();
      return new Stats(
          view.reader().numDocs(),
          FacetCounter.allValues(view, IndexSchema.PACKAGE).size(),
          FacetCounter.allValues(view, IndexSchema.TAG).size(),
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
      return text == null ? null : java.time.Instant.parse(text).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> builtFrom(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
  }
}
