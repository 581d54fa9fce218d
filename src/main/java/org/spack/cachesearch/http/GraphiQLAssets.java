package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Map;

/**
 * The GraphiQL page at {@code /graphiql} and the React and GraphiQL builds it loads, served from
 * the webjars on the classpath at {@code /webjars/<name>/<version>/...} so the page works offline.
 * Only the listed files are served.
 */
final class GraphiQLAssets implements HttpHandler {
  private static final String PAGE = "web/graphiql.html";

  /** The versions are in the URLs, so a browser may keep the files for good. */
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static final String JAVASCRIPT = "application/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";

  private final Map<String, StaticFile> files =
      Map.of(
          "/webjars/react/18.3.1/umd/react.production.min.js",
              webjar("react/18.3.1/umd/react.production.min.js", JAVASCRIPT),
          "/webjars/react-dom/18.3.1/umd/react-dom.production.min.js",
              webjar("react-dom/18.3.1/umd/react-dom.production.min.js", JAVASCRIPT),
          "/webjars/graphiql/2.4.7/graphiql.min.js",
              webjar("graphiql/2.4.7/graphiql.min.js", JAVASCRIPT),
          "/webjars/graphiql/2.4.7/graphiql.min.css",
              webjar("graphiql/2.4.7/graphiql.min.css", CSS));

  /**
   * The page itself; {@code no-cache} so a new version shows at once, with a policy that lets only
   * its own scripts run.
   */
  static StaticFile page() {
    StaticFile page = StaticFile.load(PAGE, "text/html; charset=utf-8", "no-cache");
    return page.withHeader(
        SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.pagePolicy(page.text()));
  }

  private static StaticFile webjar(String path, String contentType) {
    return StaticFile.load("META-INF/resources/webjars/" + path, contentType, IMMUTABLE);
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
