package org.spack.cachesearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

/**
 * In-process query latency, ours beside the raw-Lucene floor (and Solr), on indexes of the same
 * pages (as {@link IngestBench} keeps them). First every query of the mix is asked of each and the
 * answers compared (totals, ids in order, facet values and counts): any difference stops the run.
 * Then the whole mix is repeated as warm-up, and each query is timed, the contenders taking turns
 * call by call, for about {@code SECONDS} (at least 5 and at most 1000 calls each). Prints p50 and
 * p99.
 *
 * <p>Usage: {@code QueryBench INDEX_DIR FLOOR_DIR [SECONDS=5] [SOLR_DIR]}; with {@code SOLR_DIR}
 * (the Solr home {@link IngestBench} keeps) embedded Solr is a third contender. The environment
 * variable {@code QUERIES} (names of {@link MixQuery}, comma-separated) times only those, for a
 * profile of one query.
 */
public final class QueryBench {
  private static final int MIN_CALLS = 5;
  private static final int MAX_CALLS = 1000;

  /** Keeps every answer alive, so that no call can be optimised away. */
  private static long sink;

  /** The queries timed: all, or those named in {@code QUERIES}. */
  private static final List<MixQuery> TIMED = timed(System.getenv("QUERIES"));

  private QueryBench() {}

  private static List<MixQuery> timed(String names) {
    if (names == null || names.isBlank()) {
      return List.of(MixQuery.values());
    }
    return Arrays.stream(names.split(",")).map(String::strip).map(MixQuery::valueOf).toList();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: QueryBench INDEX_DIR FLOOR_DIR [SECONDS=5] [SOLR_DIR]");
      System.exit(64);
    }
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
    Environment.print();
    try (SearchIndex ours =
            SearchIndex.open(Path.of(args[0]), Limits.DEFAULT, Duration.ofHours(1));
        FloorSearcher floor = new FloorSearcher(Path.of(args[1]));
        EmbeddedSolrServer solr = args.length > 3 ? SolrHome.open(Path.of(args[3])) : null) {
      MixParams p = MixPicker.pick(floor);
      System.out.printf(
          Locale.ROOT,
          "%,d specs; tag %s, filters %s, package %s, hash prefix %s, spec \"%s\"%n",
          floor.searcher().getIndexReader().numDocs(),
          p.tag(),
          MixPicker.filterOrder(p.filters()),
          p.pagePackage(),
          p.hashPrefix(),
          p.range().spec());
      List<QueryMix> mixes = new ArrayList<>(List.of(new OursMix(ours, p), new FloorMix(floor, p)));
      if (solr != null) {
        mixes.add(new SolrMix(solr, p));
      }
      if (!sameAnswers(mixes)) {
        System.exit(1);
      }
      warmUp(mixes, seconds);
      report(mixes, seconds);
    }
  }

  /** Asks every query of every contender and compares the answers with the first's. */
  private static boolean sameAnswers(List<QueryMix> mixes) {
    boolean same = true;
    for (MixQuery q : MixQuery.values()) {
      Answer first = q.ask(mixes.get(0));
      boolean agreed = true;
      for (QueryMix other : mixes.subList(1, mixes.size())) {
        Optional<String> difference = first.difference(q.ask(other));
        if (difference.isPresent()) {
          agreed = false;
          System.out.printf(
              Locale.ROOT,
              "  DIFFERENT      %-45s %s vs %s: %s%n",
              q.title,
              mixes.get(0).name(),
              other.name(),
              difference.get());
        }
      }
      if (agreed) {
        System.out.printf(Locale.ROOT, "  equal answers  %-45s %s%n", q.title, first.summary());
      }
      same &= agreed;
    }
    return same;
  }

  /** The whole mix, round after round, for as long as one query is timed. */
  private static void warmUp(List<QueryMix> mixes, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int round = 0; round < 3 || System.nanoTime() < end; round++) {
      for (MixQuery q : TIMED) {
        mixes.forEach(m -> sink += q.ask(m).ids().size());
      }
    }
  }

  /** One row per query: each contender's p50 and p99, then ours' p50 over each other's. */
  private static void report(List<QueryMix> mixes, double seconds) {
    System.out.println(header(mixes));
    for (MixQuery q : TIMED) {
      System.out.println(row(q.title, measure(q, mixes, seconds)));
    }
  }

  private static String header(List<QueryMix> mixes) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-45s", "query"));
    for (QueryMix m : mixes) {
      header.append(String.format(Locale.ROOT, " %10s %10s", m.name() + " p50", "p99"));
    }
    for (QueryMix m : mixes.subList(1, mixes.size())) {
      header.append(String.format(Locale.ROOT, " %10s", mixes.get(0).name() + "/" + m.name()));
    }
    return header.append("  calls").toString();
  }

  private static String row(String title, Latency[] l) {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-45s", title));
    for (Latency each : l) {
      row.append(
          String.format(
              Locale.ROOT,
              " %10s %10s",
              millis(each.percentileMillis(50)),
              millis(each.percentileMillis(99))));
    }
    for (int i = 1; i < l.length; i++) {
      double ratio = l[0].percentileMillis(50) / l[i].percentileMillis(50);
      row.append(String.format(Locale.ROOT, ratio < 0.1 ? " %10.3f" : " %10.2f", ratio));
    }
    return row.append(String.format(Locale.ROOT, " %6d", l[0].count())).toString();
  }

  /** Times one query: the contenders take turns, the first of each round alternating. */
  private static Latency[] measure(MixQuery q, List<QueryMix> mixes, double seconds) {
    int n = mixes.size();
    long[][] nanos = new long[n][MAX_CALLS];
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int calls = 0;
    while (calls < MAX_CALLS && (calls < MIN_CALLS || System.nanoTime() < end)) {
      for (int k = 0; k < n; k++) {
        int i = (calls + k) % n;
        long start = System.nanoTime();
        Answer a = q.ask(mixes.get(i));
        nanos[i][calls] = System.nanoTime() - start;
        sink += a.ids().size();
      }
      calls++;
    }
    Latency[] out = new Latency[n];
    for (int i = 0; i < n; i++) {
      out[i] = new Latency(Arrays.copyOf(nanos[i], calls));
    }
    return out;
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 10 ? "%.2f ms" : "%.1f ms", ms);
  }
}
