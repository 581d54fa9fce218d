package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IndexVersionException;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.NoIndexException;

/** A running index picks up a new commit without a restart; a request keeps its generation. */
class SearchIndexRefreshTest {
  @TempDir Path tmp;

  private void ingest(Path tree, Path index) throws IOException {
    new IngestRun(IngestRun.Options.of(List.of(tree), index), IngestProgress.NONE).run();
  }

  @Test
  void aNewCommitIsServedAfterARefreshWhileAViewInFlightKeepsItsGeneration() throws Exception {
    Path index = tmp.resolve("index");
    ingest(Corpus.cacheTree().resolve("_cache/v0.23.0"), index);
    try (SearchIndex searchIndex = SearchIndex.open(index, Limits.DEFAULT, Duration.ofHours(1))) {
      try (IndexView inFlight = searchIndex.acquire()) {
        assertEquals(21, inFlight.numSpecs());

        ingest(Corpus.cacheTree().resolve("_cache/develop"), index);
        searchIndex.refresh();

        assertEquals(21, inFlight.numSpecs());
        try (IndexView next = searchIndex.acquire()) {
          assertEquals(21 + 879, next.numSpecs());
        }
      }
    }
  }

  @Test
  void theBackgroundRefresherPicksUpACommitByItself() throws Exception {
    Path index = tmp.resolve("index");
    ingest(Corpus.cacheTree().resolve("_cache/v0.23.0"), index);
    try (SearchIndex searchIndex = SearchIndex.open(index, Limits.DEFAULT, Duration.ofMillis(50))) {
      ingest(Corpus.cacheTree().resolve("_cache/develop-2025-03-30"), index);
      int seen = 0;
      // Bounded wait for the refresher thread; the assertion is on the count, not on time.
      for (int i = 0; i < 200 && seen != 24; i++) {
        try (IndexView view = searchIndex.acquire()) {
          seen = view.numSpecs();
        }
        Thread.sleep(25);
      }
      assertEquals(21 + 3, seen);
    }
  }

  @Test
  void openingAMissingIndexFails() {
    assertThrows(
        NoIndexException.class,
        () -> SearchIndex.open(tmp.resolve("none"), Limits.DEFAULT, Duration.ofHours(1)));
  }

  @Test
  void anIndexOfAnotherSchemaVersionIsRefused() throws Exception {
    Path index = tmp.resolve("index");
    try (var old = new org.spack.cachesearch.index.SpecIndexer(index)) {
      old.commit(java.util.Map.of(org.spack.cachesearch.index.IndexSchema.DATA_VERSION, "1"));
    }
    assertThrows(
        IndexVersionException.class,
        () -> SearchIndex.open(index, Limits.DEFAULT, Duration.ofHours(1)));
  }
}
