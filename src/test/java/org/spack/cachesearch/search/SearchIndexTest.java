package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.NoIndexException;
import org.spack.cachesearch.index.SpecIndexer;
import org.spack.cachesearch.search.Requests.SpecRequest;

class SearchIndexTest {
  @TempDir Path tmp;

  private static Path tag(String tag) {
    return Corpus.cacheTree().resolve("_cache").resolve(tag);
  }

  private static long numSpecs(IndexView view) {
    return view.stats().numSpecs();
  }

  private static long numSpecs(SearchIndex index) throws IOException {
    try (IndexView view = index.acquire()) {
      return numSpecs(view);
    }
  }

  @Test
  void aDirectoryWithoutAnIndexIsRefusedAtOpen() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    assertThrows(
        NoIndexException.class, () -> SearchIndex.open(empty, Limits.DEFAULT, Duration.ofHours(1)));
  }

  @Test
  void aRefreshServesANewCommitWhileAnOpenViewKeepsItsGeneration() throws IOException {
    Path dir = tmp.resolve("index");
    try (SearchIndex index = TestIndex.of(dir, tag("v0.23.0"))) {
      IndexView before = index.acquire();
      TestIndex.ingest(dir, tag("develop-2025-03-23"));

      assertEquals(21, numSpecs(index));
      index.refresh();

      assertEquals(23, numSpecs(index));
      try (IndexView after = index.acquire()) {
        assertEquals(
            List.of("develop-2025-03-23", "v0.23.0"),
            after.tags().stream().map(TagSummary::name).toList());
      }
      assertEquals(21, numSpecs(before));
      assertEquals(List.of("v0.23.0"), before.tags().stream().map(TagSummary::name).toList());
      before.close();
      assertEquals(dir, index.dir());
      assertEquals(Limits.DEFAULT, index.limits());
    }
  }

  @Test
  void aCommitOfAnotherSchemaVersionIsNotServedAndThePreviousOneStays() throws IOException {
    Path dir = tmp.resolve("index");
    try (SearchIndex index = TestIndex.of(dir, tag("v0.23.0"))) {
      try (SpecIndexer other = new SpecIndexer(dir)) {
        other.commit(Map.of(IndexSchema.DATA_VERSION, "0"));
      }
      Logger log = Logger.getLogger(SearchIndex.class.getName());
      Level level = log.getLevel();
      log.setLevel(Level.OFF); // the refresh failure is expected: keep its warning out
      try {
        index.refresh();
      } finally {
        log.setLevel(level);
      }

      assertEquals(21, numSpecs(index));
    }
  }

  @Test
  void aRequestPastItsDeadlineAnswersWhatItFoundFlaggedPartial() throws IOException {
    Path dir = tmp.resolve("index");
    TestIndex.ingest(dir, tag("v0.23.0"));
    try (SearchIndex index =
            SearchIndex.open(dir, Limits.DEFAULT.withTimeout(Duration.ZERO), Duration.ofHours(1));
        IndexView view = index.acquire()) {
      assertEquals(false, view.partial());

      ResultPage<?> page = view.search(new SpecRequest(Selection.ALL, 10, null, null, false));
      List<TagSummary> tags = view.tags();

      // With no time at all, each search stops before its first document.
      assertEquals(
          List.of(0, false, true), List.of(page.edges().size(), page.hasNext(), view.partial()));
      assertEquals(List.of(new TagSummary("v0.23.0", 0, 0, List.of())), tags);
    }
  }
}
