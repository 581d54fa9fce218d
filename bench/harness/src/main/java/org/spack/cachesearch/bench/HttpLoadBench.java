package org.spack.cachesearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Load over HTTP on a running server: {@code --clients} clients in a closed loop for {@code
 * --seconds} (after {@code --warmup}) sending the query mix to {@code /graphql}, every answer
 * checked (status 200, data, no errors); prints throughput, p50, p99 and the slowest per request
 * and for all, the failures, and the client's own CPU time. Before the mix, the same clients time
 * {@code GET /health} for {@code --health-seconds}: what the client and the HTTP path cost alone.
 *
 * <p>Usage: {@code HttpLoadBench [--clients 8] [--seconds 10] [--warmup 5] [--health-seconds 3]
 * [--client socket|jdk] URL}, e.g. {@code http://127.0.0.1:8080/graphql}. {@code socket} (the
 * default) gives each client a keep-alive connection of its own ({@link SocketConnection}); {@code
 * jdk} shares one JDK HttpClient. Exits 1 when any request failed.
 */
public final class HttpLoadBench {
  private static final String USAGE =
      "usage: HttpLoadBench [--clients N] [--seconds S] [--warmup S] [--health-seconds S]"
          + " [--client socket|jdk] URL";

  /** The options; seconds may be fractions. */
  private record Options(
      int clients, double seconds, double warmup, double healthSeconds, boolean jdk, URI graphql) {}

  private HttpLoadBench() {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    Environment.print();
    JdkTransport jdk = new JdkTransport();
    Supplier<Transport> transports = o.jdk() ? () -> jdk : () -> new SocketConnection(o.graphql());
    MixParams p = HttpMixPicker.pick(new GraphQLClient(o.graphql(), jdk));
    describe(o, p);
    List<LoadCall> mix =
        HttpMix.of(p).stream()
            .map(q -> LoadCall.post(o.graphql(), q.title(), q.document()))
            .toList();
    checkOnce(transports.get(), mix);
    if (o.healthSeconds() > 0) {
      LoadCall health = LoadCall.get(o.graphql().resolve("/health"), "GET /health");
      phase(
          "client + HTTP floor",
          new ClosedLoop(transports, List.of(health)),
          o,
          1,
          o.healthSeconds());
    }
    // bench/load-test.sh waits for this line to time its ingests.
    System.out.println("query mix: running");
    ClosedLoop.Result result =
        phase("query mix", new ClosedLoop(transports, mix), o, o.warmup(), o.seconds());
    long failures = LoadReport.failures(result);
    System.out.printf(Locale.ROOT, "failures: %d%n", failures);
    System.exit(failures == 0 ? 0 : 1);
  }

  private static void describe(Options o, MixParams p) {
    System.out.printf(
        Locale.ROOT,
        "%s (%s client): tag %s, filters %s, package %s, hash prefix %s, spec \"%s\"%n",
        o.graphql(),
        o.jdk() ? "JDK HttpClient" : "socket",
        p.tag(),
        MixPicker.filterOrder(p.filters()),
        p.pagePackage(),
        p.hashPrefix(),
        p.range().spec());
  }

  /** Every request once, before any load: a mix that fails is not worth timing. */
  private static void checkOnce(Transport transport, List<LoadCall> mix) throws Exception {
    boolean good = true;
    try (transport) {
      for (LoadCall c : mix) {
        String problem;
        try {
          problem = AnswerCheck.problem(transport.send(c), c.graphql());
        } catch (IOException e) {
          problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (problem != null) {
          System.out.println("FAILED " + c.title() + ": " + problem);
          good = false;
        }
      }
    }
    if (!good) {
      System.exit(1);
    }
  }

  /** Runs the clients, then prints what they measured and the CPU time the client took. */
  private static ClosedLoop.Result phase(
      String what, ClosedLoop loop, Options o, double warmup, double seconds)
      throws InterruptedException {
    long cpu = cpuNanos();
    long start = System.nanoTime();
    ClosedLoop.Result result = loop.run(o.clients(), warmup, seconds);
    double cpuSeconds = (cpuNanos() - cpu) / 1e9;
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %d clients, closed loop, %.0f s warm-up, %.0f s measured%n",
        what,
        o.clients(),
        warmup,
        seconds);
    LoadReport.print(System.out, result);
    System.out.printf(
        Locale.ROOT,
        "client CPU: %.1f s in %.1f s (%.0f%% of one core)%n",
        cpuSeconds,
        wall,
        100 * cpuSeconds / wall);
    return result;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Options parse(String[] args) {
    int clients = 8;
    double seconds = 10;
    double warmup = 5;
    double health = 3;
    String client = "socket";
    URI url = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--clients" -> clients = Integer.parseInt(args[++i]);
          case "--seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--warmup" -> warmup = Double.parseDouble(args[++i]);
          case "--health-seconds" -> health = Double.parseDouble(args[++i]);
          case "--client" -> client = args[++i];
          default -> url = url == null && !args[i].startsWith("--") ? URI.create(args[i]) : null;
        }
      }
    } catch (RuntimeException e) {
      url = null;
    }
    boolean good = url != null && clients > 0 && seconds > 0 && warmup >= 0 && health >= 0;
    if (!good || !List.of("socket", "jdk").contains(client)) {
      System.err.println(USAGE);
      System.exit(64);
    }
    return new Options(clients, seconds, warmup, health, client.equals("jdk"), url);
  }
}
