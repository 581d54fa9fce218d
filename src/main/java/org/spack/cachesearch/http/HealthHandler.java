package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.function.Supplier;

/**
 * Answers {@code /health} with the health check's report: 200 when it returns, 503 with its message
 * when it throws. Runs on a worker thread, as the check may touch the index.
 */
final class HealthHandler implements HttpHandler {
  private final Supplier<String> healthCheck;

  HealthHandler(Supplier<String> healthCheck) {
    this.healthCheck = healthCheck;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    String report;
    try {
      report = healthCheck.get();
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      PlainText.send(exchange, StatusCodes.SERVICE_UNAVAILABLE, message);
      return;
    }
    PlainText.send(exchange, StatusCodes.OK, report);
  }
}
