package org.spack.cachesearch.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** Sends the short plain-text answers: health, not found, method not allowed, not acceptable. */
final class PlainText {
  static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  private PlainText() {}

  static void send(HttpServerExchange exchange, int status, String text) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
    exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
  }
}
