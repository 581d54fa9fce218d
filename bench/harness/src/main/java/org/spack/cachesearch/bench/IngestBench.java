package org.spack.cachesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Ingest throughput, ours beside the raw-Lucene floor and embedded Solr: each run ingests the whole
 * tree into a fresh index with each contender in turn (the order alternating between runs), timed
 * from the start of the ingest to its commit. Prints every run and the median specs/s of each.
 *
 * <p>Usage: {@code IngestBench PAGES_DIR THREADS [RUNS=5] [KEEP_DIR]}; with {@code KEEP_DIR} the
 * last run's indexes are kept as {@code KEEP_DIR/<contender>} ({@code ours}, {@code floor}, {@code
 * solr}: for {@link QueryBench}), else every index is deleted after its run. The environment
 * variable {@code CONTENDERS} (comma-separated names) runs only those, for an A/B of ours.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: IngestBench PAGES_DIR THREADS [RUNS=5] [KEEP_DIR]");
      System.exit(64);
    }
    Path pages = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path keep = args.length > 3 ? Path.of(args[3]) : null;
    List<Ingester> contenders =
        Stream.of(new OursIngester(), new FloorIngester(), new SolrIngester())
            .filter(c -> chosen(c.name()))
            .toList();
    Environment.print();
    System.out.printf(Locale.ROOT, "pages %s, %d thread(s), %d runs%n", pages, threads, runs);
    List<List<Double>> rates = new ArrayList<>();
    contenders.forEach(c -> rates.add(new ArrayList<>()));
    for (int run = 1; run <= runs; run++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "run %d:", run));
      for (int k = 0; k < contenders.size(); k++) {
        // Rotate who goes first, so that none always runs on a warmer JVM.
        int i = (run - 1 + k) % contenders.size();
        Ingester c = contenders.get(i);
        Path dir = indexDir(keep, run == runs, c.name());
        double rate = timed(c, pages, dir, threads, line);
        rates.get(i).add(rate);
        if (keep == null || run < runs) {
          delete(dir);
        }
      }
      System.out.println(line);
    }
    summary(contenders, rates);
  }

  /** Whether {@code CONTENDERS} names it (or is unset). */
  private static boolean chosen(String name) {
    String only = System.getenv("CONTENDERS");
    return only == null || List.of(only.split(",")).contains(name);
  }

  private static double timed(Ingester c, Path pages, Path dir, int threads, StringBuilder line)
      throws IOException {
    System.gc();
    long start = System.nanoTime();
    long specs = c.ingest(pages, dir, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = specs / seconds;
    line.append(
        String.format(
            Locale.ROOT, "  %s %,d specs in %.2f s (%,.0f/s)", c.name(), specs, seconds, rate));
    return rate;
  }

  private static void summary(List<Ingester> contenders, List<List<Double>> rates) {
    List<Double> medians = rates.stream().map(IngestBench::median).toList();
    for (int i = 0; i < contenders.size(); i++) {
      System.out.printf(
          Locale.ROOT, "median %-10s %,8.0f specs/s%n", contenders.get(i).name(), medians.get(i));
    }
    for (int i = 1; i < contenders.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "%s / %s: %.2f%n",
          contenders.get(0).name(),
          contenders.get(i).name(),
          medians.get(0) / medians.get(i));
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static Path indexDir(Path keep, boolean last, String name) throws IOException {
    if (keep != null && last) {
      Path dir = keep.resolve(name);
      delete(dir);
      Files.createDirectories(dir);
      return dir;
    }
    return Files.createTempDirectory("ingest-bench-" + name + "-");
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
