package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;

/**
 * {@code serve} as a container runs it: a child JVM configured by environment variables only, ready
 * once warm, logging access to standard output, and stopped by SIGTERM.
 */
class ServeProcessTest {
  @TempDir Path tmp;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void runsFromEnvironmentVariablesListsJvmMetricsAndStopsGracefullyOnSigterm() throws Exception {
    Path index = tmp.resolve("index");
    new IngestRun(
            IngestRun.Options.of(List.of(Path.of("src/main/resources/sample")), index),
            IngestProgress.NONE)
        .run();
    int port = freePort();
    Map<String, String> env =
        Map.of(
            "SPACK_SEARCH_PORT", String.valueOf(port),
            "SPACK_SEARCH_INDEX", index.toString(),
            "SPACK_SEARCH_SHUTDOWN_GRACE", "5");
    ProcessBuilder builder =
        new ProcessBuilder(
                java(),
                // With native memory tracking on, the JVM metrics include native memory too.
                "-XX:NativeMemoryTracking=summary",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve")
            .redirectError(tmp.resolve("stderr").toFile());
    builder.environment().putAll(env);
    Process serve = builder.start();
    try (BufferedReader stdout =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + port;
      assertEquals(
          "serving " + index + " at " + base + "/graphql (GraphiQL: " + base + "/graphiql)",
          stdout.readLine());
      assertEquals(
          List.of(
              "jvm_memory_used_bytes{area=\"heap\"}",
              "jvm_native_memory_committed_bytes{pool=\"Total\"}",
              "spack_search_index_documents 905.0"),
          metrics(base + "/metrics"));
      awaitReady(HealthProbe.defaultUrl(env));

      serve.toHandle().destroy(); // SIGTERM; Process.destroy would also close its pipes
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop within 30 s");
      assertEquals(143, serve.exitValue());
      List<String> accessLog = stdout.lines().toList();
      assertTrue(
          accessLog
              .get(accessLog.size() - 1)
              .matches(
                  "127\\.0\\.0\\.1 - - \\[.+\\] \"GET /health/ready HTTP/1\\.1\" 200 13 \"-\""
                      + " \"Java-http-client/.+\""),
          accessLog::toString);
    } finally {
      serve.destroyForcibly();
    }
    assertEquals(
        "serve: stopping; requests in flight get up to 5 s\nserve: stopped\n",
        Files.readString(tmp.resolve("stderr")).replaceAll("(?m)^(?!serve: ).*\\n", ""));
  }

  /** Three lines of a scrape, cut before the values that change from run to run. */
  private static List<String> metrics(String url) throws Exception {
    String text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return text.lines()
        .filter(
            l ->
                l.startsWith("jvm_memory_used_bytes{area=\"heap\"} ")
                    || l.startsWith("jvm_native_memory_committed_bytes{pool=\"Total\"} ")
                    || l.startsWith("spack_search_index_documents "))
        .map(l -> l.startsWith("spack_") ? l : l.substring(0, l.indexOf(' ')))
        .toList();
  }

  /** Polls readiness as the container's health check does, for at most 30 s. */
  private static void awaitReady(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        assertEquals("ok: 905 specs", response.body());
        assertTrue(HealthProbe.check(url));
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not ready within 30 s: " + url);
  }
}
