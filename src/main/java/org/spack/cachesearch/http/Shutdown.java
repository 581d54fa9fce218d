package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.StatusCodes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Graceful shutdown in front of every route (Undertow's {@link GracefulShutdownHandler}): once
 * {@link #shutdown} is called, requests in flight run to the end and new ones get 503.
 */
final class Shutdown implements HttpHandler {
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final GracefulShutdownHandler graceful;

  Shutdown(HttpHandler next) {
    this.graceful = new GracefulShutdownHandler(next);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (stopping.get()) {
      // Said here with a reason; a request that slips past gets the handler's bare 503.
      exchange.setPersistent(false);
      PlainText.send(exchange, StatusCodes.SERVICE_UNAVAILABLE, "shutting down");
      return;
    }
    graceful.handleRequest(exchange);
  }

  boolean stopping() {
    return stopping.get();
  }

  /**
   * Refuses new requests and waits up to {@code grace} for those in flight.
   *
   * @return true when every request in flight finished in time
   */
  boolean shutdown(Duration grace) {
    if (stopping.compareAndSet(false, true)) {
      graceful.shutdown();
    }
    try {
      return graceful.awaitShutdown(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
