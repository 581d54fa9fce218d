package org.spack.cachesearch.http;

import java.util.Map;

/**
 * The GraphiQL page at {@code /graphiql} and the React and GraphiQL builds it loads, served from
 * the webjars on the classpath at {@code /webjars/<name>/<version>/...} so the page works offline.
 * Only the listed files are served.
 */
final class GraphiQLAssets extends StaticFiles {
  private static final String PAGE = "web/graphiql.html";

  /** The versions are in the URLs, so a browser may keep the files for good. */
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static final String JAVASCRIPT = "application/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";

  GraphiQLAssets() {
    super(files());
  }

  private static Map<String, StaticFile> files() {
    return Map.of(
        "/webjars/react/18.3.1/umd/react.production.min.js",
            webjar("react/18.3.1/umd/react.production.min.js", JAVASCRIPT),
        "/webjars/react-dom/18.3.1/umd/react-dom.production.min.js",
            webjar("react-dom/18.3.1/umd/react-dom.production.min.js", JAVASCRIPT),
        "/webjars/graphiql/2.4.7/graphiql.min.js",
            webjar("graphiql/2.4.7/graphiql.min.js", JAVASCRIPT),
        "/webjars/graphiql/2.4.7/graphiql.min.css", webjar("graphiql/2.4.7/graphiql.min.css", CSS));
  }

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
}
