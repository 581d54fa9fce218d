package org.spack.cachesearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spack.cachesearch.index.IngestProgress;

/** A progress bar on a terminal; otherwise a plain log line about once a second. */
final class ConsoleProgress {
  private ConsoleProgress() {}

  // Built for Java 17, where console() is null exactly when there is no terminal.
  @SuppressWarnings("SystemConsoleNull")
  static IngestProgress create(PrintWriter err) {
    return System.console() != null ? new Bar() : new Lines(err);
  }

  /** Pages as the bar's steps, specs/s as its extra message. */
  private static final class Bar implements IngestProgress {
    private final AtomicLong specs = new AtomicLong();
    private final long start = System.nanoTime();
    private ProgressBar bar;

    @Override
    public void started(int pages) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("ingest")
              .setInitialMax(pages)
              .setUnit(" pages", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .continuousUpdate()
              .build();
    }

    @Override
    public void pageDone(int specCount) {
      long total = specs.addAndGet(specCount);
      bar.step();
      double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
      bar.setExtraMessage(
          String.format(Locale.ROOT, "%d specs, %.0f specs/s", total, total / seconds));
    }

    @Override
    public void finished() {
      bar.close();
    }
  }

  /** For logs and pipes: "ingest: 1200/5000 pages, 52000 specs, 41000 specs/s". */
  private static final class Lines implements IngestProgress {
    private final PrintWriter err;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong specs = new AtomicLong();
    private final long start = System.nanoTime();
    private long total;
    private long lastPrint = System.nanoTime();

    Lines(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(int pageCount) {
      total = pageCount;
      err.println("ingest: " + pageCount + " page files found");
      err.flush();
    }

    @Override
    public void pageDone(int specCount) {
      long done = pages.incrementAndGet();
      long allSpecs = specs.addAndGet(specCount);
      synchronized (this) {
        long now = System.nanoTime();
        if (now - lastPrint >= 1_000_000_000L) {
          lastPrint = now;
          print(done, allSpecs, now);
        }
      }
    }

    @Override
    public void finished() {
      print(pages.get(), specs.get(), System.nanoTime());
    }

    private void print(long done, long allSpecs, long now) {
      double seconds = Math.max((now - start) / 1e9, 1e-3);
      err.printf(
          Locale.ROOT,
          "ingest: %d/%d pages, %d specs, %.0f specs/s%n",
          done,
          total,
          allSpecs,
          allSpecs / seconds);
      err.flush();
    }
  }
}
