package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers that keep browsers from misusing responses: no content sniffing, no framing, no referrer,
 * and a Content-Security-Policy that allows nothing, which the GraphiQL page replaces with {@link
 * #pagePolicy} (its own scripts and styles, and calls to this server only).
 */
final class SecurityHeaders implements HttpHandler {
  static final HttpString CONTENT_SECURITY_POLICY = new HttpString("Content-Security-Policy");
  static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
  static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
  static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");

  /** For everything but the HTML page: JSON and text load nothing and may not be framed. */
  static final String NOTHING = "default-src 'none'; frame-ancestors 'none'";

  /** A {@code <script>} without attributes: the page's own inline code. */
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  private final HttpHandler next;

  SecurityHeaders(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
    headers.put(FRAME_OPTIONS, "DENY");
    headers.put(REFERRER_POLICY, "no-referrer");
    headers.put(CONTENT_SECURITY_POLICY, NOTHING);
    next.handleRequest(exchange);
  }

  /**
   * The policy of an HTML page served from this origin: scripts from this server and the page's own
   * inline scripts (by hash, so no injected one runs); styles inline too, as GraphiQL and its
   * editor add {@code <style>} elements at run time; fetches to this server only.
   */
  static String pagePolicy(String html) {
    StringBuilder scripts = new StringBuilder("'self'");
    Matcher inline = INLINE_SCRIPT.matcher(html);
    while (inline.find()) {
      scripts.append(" 'sha256-").append(sha256(inline.group(1))).append('\'');
    }
    return "default-src 'none'; script-src "
        + scripts
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
        + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return Base64.getEncoder()
          .encodeToString(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
