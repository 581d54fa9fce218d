package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spack.cachesearch.http.TestClient.contentType;
import static org.spack.cachesearch.http.TestClient.text;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness, readiness, the response counter at /metrics and the access log, over real HTTP. */
class OperationsTest {
  @TempDir Path tmp;

  private final AtomicBoolean warm = new AtomicBoolean();
  private ApiServer server;
  private TestClient client;

  private TestClient start(ServerConfig config) {
    server =
        ApiServer.start(
            config,
            new TestSchema().graphQL(),
            new HealthChecks(() -> "ok: 905 specs", warm::get),
            new PrometheusRegistry());
    client = new TestClient(server);
    return client;
  }

  private TestClient start() {
    return start(new ServerConfig("127.0.0.1", 0, List.of(), 1024));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void liveAnswersAtOnceAndReadyWaitsUntilTheServiceIsWarm() {
    start();
    HttpResponse<byte[]> live = client.get("health/live");
    assertEquals(200, live.statusCode());
    assertEquals("live", text(live));

    HttpResponse<byte[]> cold = client.get("health/ready");
    assertEquals(503, cold.statusCode());
    assertEquals("warming up", text(cold));
    assertEquals("ok: 905 specs", text(client.get("health")));

    warm.set(true);
    HttpResponse<byte[]> ready = client.get("health/ready");
    assertEquals(200, ready.statusCode());
    assertEquals("ok: 905 specs", text(ready));
  }

  @Test
  void metricsCountEveryResponseByStatusCode() {
    start();
    client.get("health/live");
    client.get("health/live");
    client.get("health/ready");
    client.get("nope");
    client.postJson("{\"query\": \"" + "x".repeat(2000) + "\"}");

    HttpResponse<byte[]> metrics = client.get("metrics");
    assertEquals(200, metrics.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", contentType(metrics));
    assertEquals(
        List.of(
            "spack_search_http_requests_total{code=\"200\"} 2.0",
            "spack_search_http_requests_total{code=\"404\"} 1.0",
            "spack_search_http_requests_total{code=\"413\"} 1.0",
            "spack_search_http_requests_total{code=\"503\"} 1.0"),
        text(metrics).lines().filter(l -> l.startsWith("spack_search_http")).toList());
  }

  @Test
  void theAccessLogWritesOneCombinedFormatLinePerResponseToTheDirectoryItCreates()
      throws IOException {
    start(
        new ServerConfig("127.0.0.1", 0, List.of(), 1024)
            .withAccessLog(AccessLog.directory(tmp.resolve("logs"))));
    client.get("health/live");
    client.get("nope", "User-Agent", "probe/1.0", "Referer", "http://example.org/");
    server.close();

    List<String> lines = Files.readAllLines(tmp.resolve("logs/access.log"), StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines::toString);
    String when = "\\[\\d\\d/\\w\\w\\w/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\\]";
    assertTrue(
        lines
            .get(0)
            .matches(
                "127\\.0\\.0\\.1 - - "
                    + when
                    + " \"GET /health/live HTTP/1\\.1\" 200 4 \"-\" \"Java-http-client/[\\d.]+\""),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches(
                "127\\.0\\.0\\.1 - - "
                    + when
                    + " \"GET /nope HTTP/1\\.1\" 404 16 \"http://example\\.org/\" \"probe/1\\.0\""),
        lines.get(1));
  }

  @Test
  void accessLogSettingsReadAsTheyAreWritten() {
    assertEquals(AccessLog.OFF, AccessLog.parse("off"));
    assertEquals(AccessLog.STDOUT, AccessLog.parse("stdout"));
    assertEquals(AccessLog.directory(Path.of("/var/log/spack")), AccessLog.parse("/var/log/spack"));
    assertEquals("/var/log/spack", AccessLog.parse("/var/log/spack").toString());
    assertEquals("stdout", AccessLog.STDOUT.toString());
  }
}
