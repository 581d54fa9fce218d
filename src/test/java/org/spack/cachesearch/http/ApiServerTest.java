package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spack.cachesearch.http.TestClient.contentType;
import static org.spack.cachesearch.http.TestClient.json;
import static org.spack.cachesearch.http.TestClient.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The routes around {@code /graphql}: GraphiQL, health, errors, gzip and CORS. */
class ApiServerTest {
  private static final String PLAIN = "text/plain; charset=utf-8";
  private static final String QUERY = "{\"query\": \"{ hello }\"}";

  private ApiServer server;
  private TestClient client;

  private TestClient start(List<String> corsOrigins, Supplier<String> healthCheck) {
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, corsOrigins, ServerConfig.DEFAULT_MAX_BODY_BYTES),
            new TestSchema().graphQL(),
            healthCheck);
    client = new TestClient(server);
    return client;
  }

  private TestClient start() {
    return start(List.of(), () -> "ok: 905 specs");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void portZeroBindsAFreePortThatPortReports() {
    start();
    assertNotEquals(0, server.port());
    assertEquals(200, client.get("health").statusCode());
  }

  @Test
  void startingOnAPortInUseFails() {
    start();
    ServerConfig taken =
        new ServerConfig(
            "127.0.0.1", server.port(), List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES);
    assertThrows(
        RuntimeException.class,
        () -> ApiServer.start(taken, new TestSchema().graphQL(), () -> "ok").close());
  }

  @Test
  void closedServerRefusesConnections() {
    start();
    server.close();
    assertThrows(UncheckedIOException.class, () -> client.get("health"));
    server = null;
  }

  @Test
  void healthAnswersTheCheckReport() {
    HttpResponse<byte[]> response = start().get("health");
    assertEquals(200, response.statusCode());
    assertEquals(PLAIN, contentType(response));
    assertEquals("ok: 905 specs", text(response));
  }

  @Test
  void healthIs503WithTheMessageWhenTheCheckThrows() {
    HttpResponse<byte[]> response =
        start(
                List.of(),
                () -> {
                  throw new IllegalStateException("index not found: /data/index");
                })
            .get("health");
    assertEquals(503, response.statusCode());
    assertEquals(PLAIN, contentType(response));
    assertEquals("index not found: /data/index", text(response));
  }

  @Test
  void unknownPathIs404PlainText() {
    HttpResponse<byte[]> response = start().get("nope");
    assertEquals(404, response.statusCode());
    assertEquals(PLAIN, contentType(response));
    assertEquals("not found: /nope", text(response));
  }

  @Test
  void wrongMethodOnAKnownPathIs405WithAllow() {
    start();
    HttpResponse<byte[]> health = client.send(client.request("health").DELETE());
    assertEquals(405, health.statusCode());
    assertEquals(Optional.of("GET"), health.headers().firstValue("Allow"));
    assertEquals("DELETE not allowed on /health", text(health));

    HttpResponse<byte[]> graphql =
        client.send(client.request("graphql").PUT(HttpRequest.BodyPublishers.ofString(QUERY)));
    assertEquals(405, graphql.statusCode());
    assertEquals(Optional.of("GET, POST"), graphql.headers().firstValue("Allow"));
  }

  @Test
  void graphiqlPageIsHtmlThatLoadsOnlyAssetsThisServerServes() {
    HttpResponse<byte[]> page = start().get("graphiql");
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", contentType(page));
    assertTrue(text(page).contains("new URL('graphql', window.location.href)"));

    List<String> assets = references(text(page));
    assertEquals(4, assets.size(), assets::toString);
    for (String asset : assets) {
      HttpResponse<byte[]> response =
          client.send(client.request("").uri(page.uri().resolve(asset)));
      assertEquals(200, response.statusCode(), asset);
      assertEquals(
          asset.endsWith(".css")
              ? "text/css; charset=utf-8"
              : "application/javascript; charset=utf-8",
          contentType(response),
          asset);
      assertEquals(
          Optional.of("public, max-age=31536000, immutable"),
          response.headers().firstValue("Cache-Control"),
          asset);
      assertTrue(response.body().length > 1000, asset);
    }
  }

  /** Every {@code src} and {@code href} in the page. */
  private static List<String> references(String html) {
    Matcher matcher = Pattern.compile("\\b(?:src|href)=\"([^\"]+)\"").matcher(html);
    List<String> references = new ArrayList<>();
    while (matcher.find()) {
      references.add(matcher.group(1));
    }
    return references;
  }

  @Test
  void unknownAssetIs404() {
    start();
    assertEquals(404, client.get("webjars/graphiql/2.4.7/graphiql.min.js.map").statusCode());
    assertEquals(404, client.get("webjars/react/18.3.1/umd/react.development.js").statusCode());
    assertEquals(404, client.get("webjars/").statusCode());
  }

  @Test
  void largeResponsesAreGzippedWhenTheClientAcceptsGzip() throws IOException {
    start();
    HttpResponse<byte[]> plain = client.get("webjars/graphiql/2.4.7/graphiql.min.js");
    HttpResponse<byte[]> zipped =
        client.get("webjars/graphiql/2.4.7/graphiql.min.js", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"));
    assertEquals(Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"));
    assertEquals("application/javascript; charset=utf-8", contentType(zipped));
    assertTrue(zipped.body().length < plain.body().length / 2);
    assertArrayEquals(plain.body(), gunzip(zipped.body()));
  }

  @Test
  void graphqlResponsesAreGzippedToo() throws IOException {
    start();
    String name = "x".repeat(4000);
    HttpResponse<byte[]> response =
        client.postJson(
            "{\"query\": \"{ hello(name: \\\"" + name + "\\\") }\"}", "Accept-Encoding", "gzip");
    assertEquals(200, response.statusCode());
    assertEquals(Optional.of("gzip"), response.headers().firstValue("Content-Encoding"));
    assertEquals(
        json("{\"data\": {\"hello\": \"Hello, " + name + "\"}}"),
        json(new String(gunzip(response.body()), StandardCharsets.UTF_8)));
  }

  @Test
  void smallResponsesAreNotGzipped() {
    HttpResponse<byte[]> response = start().get("health", "Accept-Encoding", "gzip");
    assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
    assertEquals("ok: 905 specs", text(response));
  }

  private static byte[] gunzip(byte[] zipped) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      return in.readAllBytes();
    }
  }

  private HttpResponse<byte[]> preflight(String origin) {
    return client.send(
        client
            .request("graphql")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type"));
  }

  @Test
  void corsIsOffByDefault() {
    start();
    HttpResponse<byte[]> preflight = preflight("https://example.org");
    assertEquals(405, preflight.statusCode());
    assertEquals(Optional.of("GET, POST"), preflight.headers().firstValue("Allow"));

    HttpResponse<byte[]> response = client.postJson(QUERY, "Origin", "https://example.org");
    assertEquals(200, response.statusCode());
    assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }

  @Test
  void corsAnswersPreflightAndAllowsListedOrigins() {
    start(List.of("https://cache.spack.io"), () -> "ok");
    HttpResponse<byte[]> preflight = preflight("https://cache.spack.io");
    assertEquals(204, preflight.statusCode());
    assertEquals(
        Optional.of("https://cache.spack.io"),
        preflight.headers().firstValue("Access-Control-Allow-Origin"));
    assertEquals(
        Optional.of("GET, POST"), preflight.headers().firstValue("Access-Control-Allow-Methods"));
    assertEquals(
        Optional.of("Content-Type, Accept"),
        preflight.headers().firstValue("Access-Control-Allow-Headers"));
    assertEquals(Optional.of("Origin"), preflight.headers().firstValue("Vary"));

    HttpResponse<byte[]> response = client.postJson(QUERY, "Origin", "https://cache.spack.io");
    assertEquals(200, response.statusCode());
    assertEquals(
        Optional.of("https://cache.spack.io"),
        response.headers().firstValue("Access-Control-Allow-Origin"));
  }

  @Test
  void corsRefusesOriginsNotListed() {
    start(List.of("https://cache.spack.io"), () -> "ok");
    HttpResponse<byte[]> preflight = preflight("https://evil.example");
    assertEquals(403, preflight.statusCode());
    assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());

    HttpResponse<byte[]> response = client.postJson(QUERY, "Origin", "https://evil.example");
    assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }

  @Test
  void corsWildcardAllowsAnyOrigin() {
    start(List.of("*"), () -> "ok");
    HttpResponse<byte[]> preflight = preflight("https://anywhere.example");
    assertEquals(204, preflight.statusCode());
    assertEquals(Optional.of("*"), preflight.headers().firstValue("Access-Control-Allow-Origin"));
    HttpResponse<byte[]> response =
        client.get(
            TestClient.graphqlQueryString("query", "{ hello }"),
            "Origin",
            "https://anywhere.example");
    assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
  }
}
