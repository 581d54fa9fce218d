package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Map;

/** A fixed set of files by request path; any other path under its route is 404. */
class StaticFiles implements HttpHandler {
  private final Map<String, StaticFile> files;

  StaticFiles(Map<String, StaticFile> files) {
    this.files = Map.copyOf(files);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    StaticFile file = files.get(exchange.getRelativePath());
    if (file == null) {
      PlainText.send(exchange, StatusCodes.NOT_FOUND, "not found: " + exchange.getRequestPath());
    } else {
      file.handleRequest(exchange);
    }
  }
}
