package org.spack.cachesearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spack.cachesearch.graphql.SpackApi;
import org.spack.cachesearch.http.ApiServer;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.SpecIndex;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the GraphQL API and GraphiQL over the index, until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the GraphQL API (/graphql), GraphiQL (/graphiql) and /health. With a missing or"
          + " empty index it first ingests the bundled sample pages. A new commit of the index"
          + " (from a later ingest) is picked up without a restart.",
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Mixin IndexOption indexOption;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "Allow browser clients from this origin (repeatable; '*' for any). Off by default.")
  List<String> corsOrigins = List.of();

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
  int maxBody;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Time limit of one request's searches (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ingestSampleIfEmpty(indexOption.dir, spec.commandLine().getErr());
    Limits limits = Limits.DEFAULT.withTimeout(Duration.ofSeconds(timeoutSeconds));
    try (SearchIndex searchIndex =
            SearchIndex.open(indexOption.dir, limits, Duration.ofSeconds(1));
        ApiServer server =
            ApiServer.start(
                new ServerConfig(host, port, corsOrigins, maxBody),
                SpackApi.build(searchIndex),
                () -> health(searchIndex))) {
      String base = "http://" + host + ":" + server.port();
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
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }

  /** A fresh install serves the bundled sample rather than an error. */
  static void ingestSampleIfEmpty(Path index, PrintWriter err) throws IOException {
    if (SpecIndex.isEmpty(index)) {
      err.println("serve: no index at " + index + "; ingesting the bundled sample first");
      err.flush();
      BundledSample.use(
          root ->
              new IngestRun(IngestRun.Options.of(List.of(root), index), IngestProgress.NONE).run());
    }
  }

  private static String health(SearchIndex searchIndex) {
    try (IndexView view = searchIndex.acquire()) {
      return "ok: " + view.numSpecs() + " specs";
    } catch (IOException e) {
      throw new IllegalStateException("index unreadable: " + e.getMessage(), e);
    }
  }
}
