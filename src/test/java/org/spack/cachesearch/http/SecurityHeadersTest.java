package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spack.cachesearch.http.TestClient.text;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Security headers on every response, the GraphiQL page's own policy, and no stack traces. */
class SecurityHeadersTest {
  /** The hash of the page's one inline script, computed outside the code under test. */
  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self' 'sha256-296NH5NvvHrMa8kppwSplZB6uYpVsIejncJdg3WIWsI=';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String NOTHING = "default-src 'none'; frame-ancestors 'none'";

  private ApiServer server;
  private TestClient client;

  private TestClient start(Supplier<String> health) {
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES),
            new TestSchema().graphQL(),
            health);
    client = new TestClient(server);
    return client;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void assertHeader(HttpResponse<?> response, String name, String value) {
    assertEquals(Optional.of(value), response.headers().firstValue(name), name);
  }

  @Test
  void theGraphiqlPageMayRunOnlyItsOwnScriptsAndMayNotBeFramed() {
    HttpResponse<byte[]> page = start(() -> "ok").get("graphiql");
    assertEquals(200, page.statusCode());
    assertHeader(page, "Content-Security-Policy", PAGE_POLICY);
    assertHeader(page, "X-Content-Type-Options", "nosniff");
    assertHeader(page, "X-Frame-Options", "DENY");
    assertHeader(page, "Referrer-Policy", "no-referrer");
  }

  @Test
  void apiAndTextResponsesAllowNothingAndAreNotSniffed() {
    start(() -> "ok");
    for (HttpResponse<byte[]> response :
        List.of(
            client.postJson("{\"query\": \"{ hello }\"}"),
            client.get("health"),
            client.get("nope"),
            client.get("webjars/graphiql/2.4.7/graphiql.min.css"))) {
      assertHeader(response, "Content-Security-Policy", NOTHING);
      assertHeader(response, "X-Content-Type-Options", "nosniff");
      assertHeader(response, "X-Frame-Options", "DENY");
    }
  }

  @Test
  void anErrorNobodyCaughtIsABare500WithoutAStackTrace() {
    HttpResponse<byte[]> response =
        start(
                () -> {
                  throw new AssertionError("at org.spack.Secret.method(Secret.java:42)");
                })
            .get("health");
    assertEquals(500, response.statusCode());
    assertEquals("", text(response));
  }
}
