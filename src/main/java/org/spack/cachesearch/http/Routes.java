package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatcher;
import io.undertow.util.StatusCodes;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing table: method and path template to handler, 404 for unknown paths, and 405 with the
 * {@code Allow} header for a known path asked with another method.
 */
final class Routes implements HttpHandler {
  private final RoutingHandler routing = new RoutingHandler(false);

  /** The methods each template answers, for the {@code Allow} header. */
  private final PathTemplateMatcher<Set<HttpString>> allowed = new PathTemplateMatcher<>();

  Routes() {
    routing.setFallbackHandler(Routes::notFound);
    routing.setInvalidMethodHandler(this::methodNotAllowed);
  }

  Routes get(String template, HttpHandler handler) {
    return add(Methods.GET, template, handler);
  }

  Routes post(String template, HttpHandler handler) {
    return add(Methods.POST, template, handler);
  }

  Routes options(String template, HttpHandler handler) {
    return add(Methods.OPTIONS, template, handler);
  }

  private Routes add(HttpString method, String template, HttpHandler handler) {
    routing.add(method, template, handler);
    Set<HttpString> methods = allowed.get(template);
    if (methods == null) {
      methods = new LinkedHashSet<>();
      allowed.add(template, methods);
    }
    methods.add(method);
    return this;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    routing.handleRequest(exchange);
  }

  private static void notFound(HttpServerExchange exchange) {
    PlainText.send(exchange, StatusCodes.NOT_FOUND, "not found: " + exchange.getRequestPath());
  }

  private void methodNotAllowed(HttpServerExchange exchange) {
    String allow =
        allowed.match(exchange.getRelativePath()).getValue().stream()
            .map(HttpString::toString)
            .collect(Collectors.joining(", "));
    exchange.getResponseHeaders().put(Headers.ALLOW, allow);
    PlainText.send(
        exchange,
        StatusCodes.METHOD_NOT_ALLOWED,
        exchange.getRequestMethod() + " not allowed on " + exchange.getRequestPath());
  }
}
