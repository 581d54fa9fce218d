package org.spack.cachesearch.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Counts every response by status code ({@code spack_search_http_requests_total}). */
final class ResponseCounter implements HttpHandler {
  private final HttpHandler next;
  private final Counter responses;
  private final ExchangeCompletionListener count;

  ResponseCounter(PrometheusRegistry registry, HttpHandler next) {
    this.next = next;
    this.responses =
        Counter.builder()
            .name("spack_search_http_requests_total")
            .help("HTTP requests answered, by status code (503: busy or shutting down)")
            .labelNames("code")
            .withoutExemplars()
            .register(registry);
    this.count =
        (exchange, nextListener) -> {
          responses.labelValues(Integer.toString(exchange.getStatusCode())).inc();
          nextListener.proceed();
        };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addExchangeCompleteListener(count);
    next.handleRequest(exchange);
  }
}
