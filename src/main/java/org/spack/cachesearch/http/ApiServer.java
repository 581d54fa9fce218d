package org.spack.cachesearch.http;

import graphql.GraphQL;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.xnio.Options;

/**
 * The HTTP server: the web page at {@code /}, GraphQL at {@code /graphql}, GraphiQL at {@code
 * /graphiql}, health checks at {@code /health}, {@code /health/live} and {@code /health/ready},
 * Prometheus metrics at {@code /metrics}. Around every route: the access log, a response counter,
 * security headers and graceful shutdown; around {@code /graphql}, the bound on concurrent work.
 * Depends only on graphql-java, Undertow, Jackson and the Prometheus client, so any {@link GraphQL}
 * object can be served.
 */
public final class ApiServer implements AutoCloseable {
  /** Responses of this size or less go out uncompressed: gzip would save little. */
  private static final long GZIP_MAX_PLAIN_BYTES = 1024;

  /**
   * How long stopping waits for worker threads once the grace period is over, before interrupting
   * them; without it Undertow waits for as long as a stuck request takes.
   */
  private static final int STOP_MILLIS = 1000;

  /** Worker threads beyond the GraphQL ones, so that health checks and scrapes get through. */
  private static final int SPARE_WORKERS = 4;

  private final Undertow undertow;
  private final int port;
  private final Shutdown shutdown;
  private final Closeable accessLog;
  private final Duration grace;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private ApiServer(Undertow undertow, Shutdown shutdown, Closeable accessLog, Duration grace) {
    this.undertow = undertow;
    this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    this.shutdown = shutdown;
    this.accessLog = accessLog;
    this.grace = grace;
  }

  /** Serves {@code graphQL} with a health report that is warm from the start, and no metrics. */
  public static ApiServer start(
      ServerConfig config, GraphQL graphQL, Supplier<String> healthCheck) {
    return start(config, graphQL, HealthChecks.alwaysWarm(healthCheck), new PrometheusRegistry());
  }

  /**
   * Binds {@code config.host():config.port()} and starts serving.
   *
   * @param metrics the registry {@code /metrics} shows; the server adds its response counter
   * @throws RuntimeException if the port cannot be bound or GraphiQL's files are missing
   */
  public static ApiServer start(
      ServerConfig config, GraphQL graphQL, HealthChecks health, PrometheusRegistry metrics) {
    HttpLimits limits = config.limits();
    Shutdown shutdown = new Shutdown(gzip(Endpoints.routes(config, graphQL, health, metrics)));
    AccessLog.Logged logged =
        config.accessLog().wrap(new ResponseCounter(metrics, new SecurityHeaders(shutdown)));
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(config.port(), config.host())
            .setWorkerThreads(limits.maxConcurrent() + SPARE_WORKERS)
            .setServerOption(
                UndertowOptions.REQUEST_PARSE_TIMEOUT, HttpLimits.millis(limits.headerTimeout()))
            .setServerOption(
                UndertowOptions.NO_REQUEST_TIMEOUT, HttpLimits.millis(limits.idleTimeout()))
            .setServerOption(UndertowOptions.IDLE_TIMEOUT, HttpLimits.millis(limits.idleTimeout()))
            .setServerOption(UndertowOptions.SHUTDOWN_TIMEOUT, STOP_MILLIS)
            .setSocketOption(Options.READ_TIMEOUT, HttpLimits.millis(limits.readTimeout()))
            .setSocketOption(Options.WRITE_TIMEOUT, HttpLimits.millis(limits.writeTimeout()))
            .setHandler(logged.handler())
            .build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      undertow.stop(); // the worker threads may have started before the bind failed
      closeQuietly(logged.receiver());
      throw e;
    }
    return new ApiServer(undertow, shutdown, logged.receiver(), limits.shutdownGrace());
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

  /**
   * Stops gracefully: new requests get 503 at once, requests in flight get up to {@code grace} to
   * finish, then the server stops listening and cuts off whatever is left.
   *
   * @return true when every request in flight finished within {@code grace}
   */
  public boolean shutdown(Duration grace) {
    boolean finished = shutdown.shutdown(grace);
    if (stopped.compareAndSet(false, true)) {
      undertow.stop();
      closeQuietly(accessLog);
    }
    return finished;
  }

  /** {@link #shutdown} with the configured grace period. */
  @Override
  public void close() {
    shutdown(grace);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the access log", e);
    }
  }
}
