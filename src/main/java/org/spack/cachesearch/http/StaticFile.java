package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file from the classpath held in memory and served with its content type, cache policy and any
 * other headers: the GraphiQL page and the scripts and styles it loads.
 */
final class StaticFile implements HttpHandler {
  private final byte[] content;
  private final Map<HttpString, String> headers;

  private StaticFile(byte[] content, Map<HttpString, String> headers) {
    this.content = content;
    this.headers = Map.copyOf(headers);
  }

  /**
   * Loads {@code resource}, failing at start-up rather than on first view when the jar lacks it.
   */
  static StaticFile load(String resource, String contentType, String cacheControl) {
    try (InputStream in = StaticFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + resource);
      }
      Map<HttpString, String> headers = new LinkedHashMap<>();
      headers.put(Headers.CONTENT_TYPE, contentType);
      headers.put(Headers.CACHE_CONTROL, cacheControl);
      return new StaticFile(in.readAllBytes(), headers);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /** This file with one more header, or another value for one it has. */
  StaticFile withHeader(HttpString name, String value) {
    Map<HttpString, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new StaticFile(content, more);
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    headers.forEach((name, value) -> exchange.getResponseHeaders().put(name, value));
    exchange.getResponseSender().send(ByteBuffer.wrap(content));
  }
}
