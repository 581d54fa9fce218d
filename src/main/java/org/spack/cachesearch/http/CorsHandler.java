package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.util.List;

/**
 * Lets pages on the configured origins call {@code /graphql} from a browser: answers preflight
 * requests and adds {@code Access-Control-Allow-Origin} to responses. With no origins it does
 * nothing, so browsers keep the same-origin policy.
 */
final class CorsHandler {
  private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");

  /** How long a browser may cache a preflight answer, in seconds. */
  private static final String PREFLIGHT_MAX_AGE = "600";

  private final List<String> origins;
  private final boolean anyOrigin;

  CorsHandler(List<String> origins) {
    this.origins = List.copyOf(origins);
    this.anyOrigin = origins.contains("*");
  }

  boolean enabled() {
    return !origins.isEmpty();
  }

  /** Adds {@code Access-Control-Allow-Origin} for allowed origins, then calls {@code next}. */
  HttpHandler wrap(HttpHandler next) {
    if (!enabled()) {
      return next;
    }
    return exchange -> {
      allowOrigin(exchange);
      next.handleRequest(exchange);
    };
  }

  /** Answers {@code OPTIONS}: 204 with the allowed methods and headers, 403 for other origins. */
  HttpHandler preflight() {
    return exchange -> {
      if (!allowOrigin(exchange)) {
        PlainText.send(exchange, StatusCodes.FORBIDDEN, "origin not allowed");
        return;
      }
      HeaderMap headers = exchange.getResponseHeaders();
      headers.put(ALLOW_METHODS, "GET, POST");
      headers.put(ALLOW_HEADERS, "Content-Type, Accept");
      headers.put(MAX_AGE, PREFLIGHT_MAX_AGE);
      exchange.setStatusCode(StatusCodes.NO_CONTENT);
      exchange.endExchange();
    };
  }

  private boolean allowOrigin(HttpServerExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    if (anyOrigin) {
      exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*");
      return true;
    }
    // The answer depends on Origin: caches must keep one copy per origin.
    exchange.getResponseHeaders().add(Headers.VARY, "Origin");
    if (origin != null && origins.contains(origin)) {
      exchange.getResponseHeaders().put(ALLOW_ORIGIN, origin);
      return true;
    }
    return false;
  }
}
