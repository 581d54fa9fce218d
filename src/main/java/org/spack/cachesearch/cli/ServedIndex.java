package org.spack.cachesearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.index.NoIndexException;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

/**
 * Opens the index {@code serve} reads; a fresh install (no index, or one without specs) is first
 * filled with the bundled sample, so that it serves something rather than an error.
 */
final class ServedIndex {
  private ServedIndex() {}

  /**
   * The index at {@code dir}, opened once when it has specs (opening a large index is a good part
   * of the start); else the sample is ingested there, reported on {@code err} and to {@code
   * ingested}, and then opened.
   */
  static SearchIndex open(
      Path dir,
      Limits limits,
      Duration refreshEvery,
      PrintWriter err,
      Consumer<IngestSummary> ingested)
      throws IOException {
    Optional<SearchIndex> filled = openIfFilled(dir, limits, refreshEvery);
    if (filled.isPresent()) {
      return filled.get();
    }
    err.println("serve: no index at " + dir + "; ingesting the bundled sample first");
    err.flush();
    ingested.accept(
        BundledSample.use(
            root ->
                new IngestRun(IngestRun.Options.of(List.of(root), dir), IngestProgress.NONE)
                    .run()));
    return SearchIndex.open(dir, limits, refreshEvery);
  }

  private static Optional<SearchIndex> openIfFilled(Path dir, Limits limits, Duration refreshEvery)
      throws IOException {
    SearchIndex index;
    try {
      index = SearchIndex.open(dir, limits, refreshEvery);
    } catch (NoIndexException e) {
      if (e.reason() == NoIndexException.Reason.FILE) {
        throw e;
      }
      return Optional.empty();
    }
    try (IndexView view = index.acquire()) {
      if (view.numSpecs() > 0) {
        return Optional.of(index);
      }
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
    index.close();
    return Optional.empty();
  }
}
