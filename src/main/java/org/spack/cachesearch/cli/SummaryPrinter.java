package org.spack.cachesearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.spack.cachesearch.index.IngestSummary;

/** The closing lines of an ingest, one fact a line. */
final class SummaryPrinter {
  private SummaryPrinter() {}

  static void print(IngestSummary s, Path index, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "pages     %d indexed, %d with errors, %d legacy skipped%n",
        s.pages(),
        s.failedPages(),
        s.legacyPages());
    out.printf(Locale.ROOT, "specs     %d%n", s.specs());
    out.printf(Locale.ROOT, "tags      %d %s%n", s.tags().size(), s.tags());
    out.printf(Locale.ROOT, "warnings  %d%n", s.warnings());
    out.printf(Locale.ROOT, "errors    %d%n", s.errors());
    if (!s.prunedPages().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "pruned    %d pages, %d specs %s%n",
          s.prunedPages().size(),
          s.prunedSpecs(),
          s.prunedPages());
    }
    out.printf(
        Locale.ROOT,
        "elapsed   %.2f s (%.0f specs/s)%n",
        s.elapsed().toNanos() / 1e9,
        s.specsPerSecond());
    out.printf(
        Locale.ROOT,
        "index     %s: %s, %d specs%n",
        index,
        s.committed() ? "committed" : "NOT committed (--strict and errors)",
        s.indexSpecs());
  }
}
