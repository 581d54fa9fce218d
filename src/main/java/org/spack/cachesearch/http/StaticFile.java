package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A file from the classpath held in memory and served with its content type and cache policy: the
 * GraphiQL page and the scripts and styles it loads.
 */
final class StaticFile implements HttpHandler {
  private final byte[] content;
  private final String contentType;
  private final String cacheControl;

  private StaticFile(byte[] content, String contentType, String cacheControl) {
    this.content = content;
    this.contentType = contentType;
    this.cacheControl = cacheControl;
  }

  /**
   * Loads {@code resource}, failing at start-up rather than on first view when the jar lacks it.
   */
  static StaticFile load(String resource, String contentType, String cacheControl) {
    try (InputStream in = StaticFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + resource);
      }
      return new StaticFile(in.readAllBytes(), contentType, cacheControl);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, cacheControl);
    exchange.getResponseSender().send(ByteBuffer.wrap(content));
  }
}
