package org.spack.cachesearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;

/** Ours, end to end: the {@link IngestRun} that {@code ingest} runs, without progress output. */
final class OursIngester implements Ingester {
  @Override
  public String name() {
    return "ours";
  }

  @Override
  public long ingest(Path pages, Path indexDir, int threads) throws IOException {
    IngestRun.Options options =
        new IngestRun.Options(List.of(pages), indexDir, false, false, threads);
    IngestSummary summary = new IngestRun(options, IngestProgress.NONE).run();
    if (!summary.committed() || summary.failedPages() > 0) {
      throw new IOException(
          "ours failed on " + summary.failedPages() + " pages: " + summary.problems());
    }
    return summary.specs();
  }
}
