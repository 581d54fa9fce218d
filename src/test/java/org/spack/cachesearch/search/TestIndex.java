package org.spack.cachesearch.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;

/** Ingests page trees into a directory and opens the result as the API reads it. */
public final class TestIndex {
  private TestIndex() {}

  /** Ingests {@code trees} into {@code dir}; a page with a problem fails the test. */
  public static void ingest(Path dir, Path... trees) throws IOException {
    IngestSummary summary =
        new IngestRun(IngestRun.Options.of(List.of(trees), dir), IngestProgress.NONE).run();
    if (!summary.problems().isEmpty()) {
      throw new AssertionError("ingest reported " + summary.problems());
    }
  }

  /** Ingests {@code trees} into {@code dir} and opens it with the default limits. */
  public static SearchIndex of(Path dir, Path... trees) throws IOException {
    ingest(dir, trees);
    return SearchIndex.open(dir, Limits.DEFAULT, Duration.ofHours(1));
  }
}
