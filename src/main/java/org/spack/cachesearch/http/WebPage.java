package org.spack.cachesearch.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build-cache browser: the page at {@code /} and its style sheet and script modules at {@code
 * /app/<name>}, from {@code web/} on the classpath. The page talks to {@code /graphql} only and
 * runs no inline script or style, so its policy names nothing but this server.
 */
final class WebPage extends StaticFiles {
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** The files the page loads; only these are served. */
  static final List<String> ASSETS =
      List.of(
          "app.css",
          "main.js",
          "api.js",
          "dom.js",
          "state.js",
          "choosers.js",
          "facets.js",
          "results.js",
          "package.js",
          "commands.js");

  /** Not versioned in their URLs, so a browser asks again each time (a 304 is cheap). */
  private static final String NO_CACHE = "no-cache";

  WebPage() {
    super(assets());
  }

  private static Map<String, StaticFile> assets() {
    Map<String, StaticFile> files = new LinkedHashMap<>();
    for (String name : ASSETS) {
      String type =
          name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
      files.put("/app/" + name, StaticFile.load("web/app/" + name, type, NO_CACHE));
    }
    return files;
  }

  /** The HTML page, with the policy that lets only this server's files run. */
  static StaticFile page() {
    return StaticFile.load("web/index.html", "text/html; charset=utf-8", NO_CACHE)
        .withHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, POLICY);
  }
}
