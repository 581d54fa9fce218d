package org.spack.cachesearch.cli;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spack.cachesearch.graphql.SpackApi;
import org.spack.cachesearch.http.ApiServer;
import org.spack.cachesearch.http.HealthChecks;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.metrics.GraphQLMetrics;
import org.spack.cachesearch.metrics.IndexMetrics;
import org.spack.cachesearch.metrics.IngestMetrics;
import org.spack.cachesearch.metrics.LazyJvmMetrics;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.Selection;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code serve}: the GraphQL API, GraphiQL, health checks and metrics over the index, until
 * SIGTERM; its options are the {@link Setting}s.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web page (/), the GraphQL API (/graphql), GraphiQL (/graphiql), /health,"
          + " /health/live, /health/ready and Prometheus metrics (/metrics). With a missing or"
          + " empty index it first ingests the bundled sample pages. A new commit of the index"
          + " (from a later ingest) is picked up without a restart. On SIGTERM, requests in"
          + " flight finish"
          + " (up to --shutdown-grace) and new ones get 503.",
      "Exit codes: 64 usage error (a bad setting, a port in use, an index path that is a file),"
          + " 65 an index of another schema version, 70 internal error."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Mixin IndexOption indexOption;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // The schema needs no settings and no index: graphql-java parses it on the other core while
    // the settings are read and the index opens.
    Background<GraphQLSchema> schema = Background.start("schema-parse", SpackApi::schema);
    Settings settings = Settings.read(spec);
    PrometheusRegistry registry = new PrometheusRegistry();
    LazyJvmMetrics.register(registry);
    IngestMetrics ingests = new IngestMetrics(registry);
    PrintWriter err = spec.commandLine().getErr();
    try (SearchIndex index =
        ServedIndex.open(
            indexOption.dir,
            settings.search(),
            settings.duration(Setting.REFRESH),
            err,
            ingests::add)) {
      IndexMetrics.register(index, registry, Clock.systemUTC());
      Background<Void> warmUp = Background.start("warm-up", () -> warmUp(index));
      GraphQL api = SpackApi.build(index, settings.api(), schema.get());
      serve(settings.server(), GraphQLMetrics.measure(api, registry), index, registry, warmUp);
    }
    return 0;
  }

  /** Serves until SIGTERM, reporting ready once warm; then stops gracefully. */
  private void serve(
      ServerConfig config,
      GraphQL api,
      SearchIndex index,
      PrometheusRegistry registry,
      Background<Void> warmUp)
      throws Exception {
    AtomicBoolean warm = new AtomicBoolean();
    HealthChecks health = new HealthChecks(() -> health(index), warm::get);
    try (ApiServer server = start(config, api, health, registry)) {
      announce(config.host(), server.port());
      warmUp.get();
      warm.set(true);
      awaitSigterm(() -> stop(server, config));
    }
  }

  /** Blocks until the JVM is told to stop; its shutdown hook runs {@code stop} to the end. */
  private static void awaitSigterm(Runnable stop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable hook =
        () -> {
          stop.run();
          stopped.countDown();
        };
    Runtime.getRuntime().addShutdownHook(new Thread(hook, "serve-shutdown"));
    stopped.await();
  }

  private void stop(ApiServer server, ServerConfig config) {
    PrintWriter err = spec.commandLine().getErr();
    String grace = Setting.SHUTDOWN_GRACE.kind.format(config.limits().shutdownGrace());
    err.println("serve: stopping; requests in flight get up to " + grace + " s");
    err.flush();
    boolean finished = server.shutdown(config.limits().shutdownGrace());
    err.println(finished ? "serve: stopped" : "serve: stopped, cutting off requests in flight");
    err.flush();
  }

  /** Starts the server, saying which flag to change when the address cannot be bound. */
  private static ApiServer start(
      ServerConfig config, GraphQL api, HealthChecks health, PrometheusRegistry registry) {
    try {
      return ApiServer.start(config, api, health, registry);
    } catch (RuntimeException e) {
      throw BindFailure.explain(e, config.host(), config.port()).orElseThrow(() -> e);
    }
  }

  private void announce(String host, int port) {
    String base = "http://" + host + ":" + port;
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "serving "
            + indexOption.dir
            + " at "
            + base
            + "/graphql (GraphiQL: "
            + base
            + "/graphiql)");
    out.flush();
  }

  /**
   * Opens the first generation's files with one search, before reporting ready; it runs while the
   * server starts. The index's stats (the package and tag facet maps) are left to their first use,
   * as after every refresh: computed here they only competed with the first answer for the cores.
   */
  static Void warmUp(SearchIndex index) throws IOException {
    try (IndexView view = index.acquire()) {
      view.search(new SpecRequest(Selection.ALL, 1, null, null, true));
    }
    return null;
  }

  private static String health(SearchIndex searchIndex) {
    try (IndexView view = searchIndex.acquire()) {
      return "ok: " + view.numSpecs() + " specs";
    } catch (IOException e) {
      throw new IllegalStateException("index unreadable: " + e.getMessage(), e);
    }
  }
}
