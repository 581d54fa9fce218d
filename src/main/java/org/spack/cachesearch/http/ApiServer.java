package org.spack.cachesearch.http;

import graphql.GraphQL;
import io.undertow.Undertow;
import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The HTTP server: GraphQL at {@code /graphql}, GraphiQL at {@code /graphiql}, a health check at
 * {@code /health}. Depends only on graphql-java, Undertow and Jackson, so any {@link GraphQL}
 * object can be served.
 */
public final class ApiServer implements AutoCloseable {
  /** Responses of this size or less go out uncompressed: gzip would save little. */
  private static final long GZIP_MAX_PLAIN_BYTES = 1024;

  private final Undertow undertow;
  private final int port;

  private ApiServer(Undertow undertow) {
    this.undertow = undertow;
    this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  /**
   * Binds {@code config.host():config.port()} and starts serving.
   *
   * @param healthCheck returns a one-line report such as {@code ok: 905 specs}, or throws with the
   *     reason the service is unhealthy
   * @throws RuntimeException if the port cannot be bound or GraphiQL's files are missing
   */
  public static ApiServer start(
      ServerConfig config, GraphQL graphQL, Supplier<String> healthCheck) {
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(config.port(), config.host())
            .setHandler(gzip(routes(config, graphQL, healthCheck)))
            .build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      undertow.stop(); // the worker threads may have started before the bind failed
      throw e;
    }
    return new ApiServer(undertow);
  }

  private static HttpHandler routes(
      ServerConfig config, GraphQL graphQL, Supplier<String> healthCheck) {
    CorsHandler cors = new CorsHandler(config.corsOrigins());
    HttpHandler graphql = cors.wrap(new GraphQLHandler(graphQL, config.maxBodyBytes()));
    Routes routes =
        new Routes()
            .get("/", Routes.redirect("graphiql"))
            .get("/graphql", graphql)
            .post("/graphql", graphql)
            .get("/graphiql", GraphiQLAssets.page())
            .get("/webjars/*", new GraphiQLAssets())
            .get("/health", new HealthHandler(healthCheck));
    if (cors.enabled()) {
      routes.options("/graphql", cors.preflight());
    }
    return routes;
  }

  private static HttpHandler gzip(HttpHandler next) {
    // requestLargerThan reads the response's Content-Length, despite its name.
    ContentEncodingRepository encodings =
        new ContentEncodingRepository()
            .addEncodingHandler(
                "gzip",
                new GzipEncodingProvider(),
                50,
                Predicates.requestLargerThan(GZIP_MAX_PLAIN_BYTES));
    return new EncodingHandler(next, encodings);
  }

  /** The bound port: the one asked for, or the one picked when 0 was asked. */
  public int port() {
    return port;
  }

  /** Stops listening; requests in flight are cut off. */
  @Override
  public void close() {
    undertow.stop();
  }
}
