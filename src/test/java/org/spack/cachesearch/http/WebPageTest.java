package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spack.cachesearch.http.TestClient.contentType;
import static org.spack.cachesearch.http.TestClient.text;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web page at {@code /} and its files at {@code /app/}: types, policy, and nothing else. */
class WebPageTest {
  /** Written out by hand: scripts, styles and fetches from this server only, nothing inline. */
  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private ApiServer server;
  private TestClient client;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES),
            new TestSchema().graphQL(),
            () -> "ok");
    client = new TestClient(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void rootIsTheWebPageUnderAPolicyThatRunsOnlyThisServersFiles() {
    HttpResponse<byte[]> page = client.get("");
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", contentType(page));
    assertEquals(Optional.of(PAGE_POLICY), page.headers().firstValue("Content-Security-Policy"));
    assertEquals(Optional.of("DENY"), page.headers().firstValue("X-Frame-Options"));
    assertEquals(Optional.of("no-cache"), page.headers().firstValue("Cache-Control"));
    String html = text(page);
    assertTrue(html.contains("<script type=\"module\" src=\"app/main.js\"></script>"));
    assertFalse(html.contains("<script>"), "no inline script");
    assertFalse(html.contains("<style"), "no inline style");
    assertFalse(html.contains("style=\""), "no style attribute");
  }

  @Test
  void everyModuleIsJavaScriptAndTheStyleSheetIsCss() {
    for (String name : WebPage.ASSETS) {
      HttpResponse<byte[]> file = client.get("app/" + name);
      assertEquals(200, file.statusCode(), name);
      String type =
          name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
      assertEquals(type, contentType(file), name);
    }
  }

  @Test
  void everyModuleImportedIsServed() {
    for (String name : WebPage.ASSETS) {
      String source = text(client.get("app/" + name));
      Matcher imports = Pattern.compile("from '\\./([a-z]+\\.js)'").matcher(source);
      while (imports.find()) {
        assertTrue(
            WebPage.ASSETS.contains(imports.group(1)), name + " imports " + imports.group(1));
      }
    }
  }

  @Test
  void noModuleWritesHtmlFromData() {
    for (String name : WebPage.ASSETS) {
      String source = text(client.get("app/" + name));
      assertFalse(source.contains("innerHTML"), name);
      assertFalse(source.contains("outerHTML"), name);
      assertFalse(source.contains("insertAdjacentHTML"), name);
      assertFalse(source.contains("document.write"), name);
    }
  }

  @Test
  void otherPathsUnderAppAre404() {
    assertEquals(404, client.get("app/secret.js").statusCode());
    assertEquals(404, client.get("app/").statusCode());
    assertEquals("not found: /app/secret.js", text(client.get("app/secret.js")));
  }
}
