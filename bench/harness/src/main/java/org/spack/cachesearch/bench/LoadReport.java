package org.spack.cachesearch.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * Prints a {@link ClosedLoop.Result}: per call and for all together, the requests timed, their
 * rate, nearest-rank p50 and p99, the slowest, and the failures; then the first failure lines.
 */
final class LoadReport {
  private static final String ROW = "%-45s %9s %9s %9s %9s %9s %7s%n";

  private LoadReport() {}

  static void print(PrintStream out, ClosedLoop.Result r) {
    out.printf(Locale.ROOT, ROW, "request", "requests", "req/s", "p50", "p99", "max", "failed");
    long[] all = r.nanos().stream().flatMapToLong(LongStream::of).toArray();
    long failed = LongStream.of(r.failures()).sum();
    for (int i = 0; i < r.calls().size(); i++) {
      row(out, r.calls().get(i).title(), r.nanos().get(i), r.failures()[i], r.seconds());
    }
    row(out, "all", all, failed, r.seconds());
    if (r.warmupFailures() > 0) {
      out.printf(Locale.ROOT, "failed in the warm-up: %d%n", r.warmupFailures());
    }
    for (String sample : r.samples()) {
      out.println("  FAILED " + sample);
    }
  }

  /** Every failure, measured or in the warm-up. */
  static long failures(ClosedLoop.Result r) {
    return LongStream.of(r.failures()).sum() + r.warmupFailures();
  }

  private static void row(PrintStream out, String title, long[] nanos, long failed, double secs) {
    String rate = String.format(Locale.ROOT, "%.1f", nanos.length / secs);
    if (nanos.length == 0) {
      out.printf(Locale.ROOT, ROW, title, 0, rate, "-", "-", "-", failed);
      return;
    }
    Latency l = new Latency(nanos);
    out.printf(
        Locale.ROOT,
        ROW,
        title,
        nanos.length,
        rate,
        millis(l.percentileMillis(50)),
        millis(l.percentileMillis(99)),
        millis(l.percentileMillis(100)),
        failed);
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 10 ? "%.2f ms" : "%.1f ms", ms);
  }
}
