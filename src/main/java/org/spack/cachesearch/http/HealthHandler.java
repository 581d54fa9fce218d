package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * Answers the health endpoints: {@code /health} with the report (200, or 503 with the reason when
 * the check throws), {@code /health/live} with 200 whenever the server answers at all, and {@code
 * /health/ready} with 503 until the service is warm, then as {@code /health}. The report runs on a
 * worker thread, as it may touch the index.
 */
final class HealthHandler implements HttpHandler {
  private final HealthChecks checks;
  private final boolean readiness;

  private HealthHandler(HealthChecks checks, boolean readiness) {
    this.checks = checks;
    this.readiness = readiness;
  }

  /** {@code /health}: the report. */
  static HttpHandler report(HealthChecks checks) {
    return new HealthHandler(checks, false);
  }

  /** {@code /health/ready}: 503 until warm, then the report. */
  static HttpHandler ready(HealthChecks checks) {
    return new HealthHandler(checks, true);
  }

  /** {@code /health/live}: the process answers. */
  static HttpHandler live() {
    return exchange -> {
      exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
      PlainText.send(exchange, StatusCodes.OK, "live");
    };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    if (readiness && !checks.warm().getAsBoolean()) {
      PlainText.send(exchange, StatusCodes.SERVICE_UNAVAILABLE, "warming up");
      return;
    }
    String report;
    try {
      report = checks.report().get();
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      PlainText.send(exchange, StatusCodes.SERVICE_UNAVAILABLE, message);
      return;
    }
    PlainText.send(exchange, StatusCodes.OK, report);
  }
}
