package org.spack.cachesearch.http;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.RequestLimitingHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work behind a handler: {@code maxConcurrent} requests run, {@code maxQueued} more wait
 * in Undertow's {@link RequestLimitingHandler}, and any beyond those are answered at once with 503
 * and {@code Retry-After}, so that excess load is refused rather than piled up.
 */
final class LoadLimit implements HttpHandler {
  private final HttpHandler limited;
  private final int capacity;
  private final long retryAfterSeconds;
  private final AtomicInteger admitted = new AtomicInteger();
  private final ExchangeCompletionListener release =
      (exchange, next) -> {
        admitted.decrementAndGet();
        next.proceed();
      };

  LoadLimit(HttpLimits limits, HttpHandler next) {
    // Undertow's own queue is unbounded when its size is 0: the count here bounds it instead.
    this.limited = new RequestLimitingHandler(limits.maxConcurrent(), -1, next);
    this.capacity = limits.maxConcurrent() + limits.maxQueued();
    this.retryAfterSeconds = Math.max(1, (limits.retryAfter().toMillis() + 999) / 1000);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (admitted.incrementAndGet() > capacity) {
      admitted.decrementAndGet();
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, retryAfterSeconds);
      PlainText.send(
          exchange,
          StatusCodes.SERVICE_UNAVAILABLE,
          "server busy: too many requests running and queued; retry after "
              + retryAfterSeconds
              + " s");
      return;
    }
    exchange.addExchangeCompleteListener(release);
    limited.handleRequest(exchange);
  }
}
