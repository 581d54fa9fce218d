package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spack.cachesearch.http.TestClient.contentType;
import static org.spack.cachesearch.http.TestClient.json;
import static org.spack.cachesearch.http.TestClient.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bounded work, timeouts against slow clients and graceful shutdown, over real HTTP. */
class ServerLimitsTest {
  private static final String HELLO = "{\"query\": \"{ hello }\"}";
  private static final String WAIT = "{\"query\": \"{ wait }\"}";
  private static final String BUSY =
      "server busy: too many requests running and queued; retry after 1 s";

  private final TestSchema schema = new TestSchema();
  private ApiServer server;
  private TestClient client;

  private static HttpLimits limits(int concurrent, int queued, Duration header, Duration read) {
    Duration d = HttpLimits.DEFAULT.idleTimeout();
    return new HttpLimits(concurrent, queued, Duration.ofSeconds(1), header, read, d, d, d);
  }

  private void start(HttpLimits limits) {
    ServerConfig config =
        new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES)
            .withLimits(limits);
    server = ApiServer.start(config, schema.graphQL(), () -> "ok");
    client = new TestClient(server);
  }

  @AfterEach
  void stop() {
    schema.release.countDown();
    if (server != null) {
      server.close();
    }
  }

  /** Sends {@code { wait }} and returns once its fetcher holds the only slot. */
  private CompletableFuture<HttpResponse<byte[]>> holdASlot() throws InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> held =
        CompletableFuture.supplyAsync(() -> client.postJson(WAIT));
    assertTrue(schema.waiting.await(5, TimeUnit.SECONDS), "the held request never started");
    return held;
  }

  @Test
  void beyondTheConcurrencyLimitAndQueueARequestGets503WithRetryAfter() throws Exception {
    start(limits(1, 0, Duration.ofSeconds(10), Duration.ofSeconds(30)));
    CompletableFuture<HttpResponse<byte[]>> held = holdASlot();

    HttpResponse<byte[]> refused = client.postJson(HELLO);
    assertEquals(503, refused.statusCode());
    assertEquals(Optional.of("1"), refused.headers().firstValue("Retry-After"));
    assertEquals("text/plain; charset=utf-8", contentType(refused));
    assertEquals(BUSY, text(refused));

    schema.release.countDown();
    HttpResponse<byte[]> finished = held.get(5, TimeUnit.SECONDS);
    assertEquals(200, finished.statusCode());
    assertEquals(json("{\"data\": {\"wait\": \"released\"}}"), json(finished));
    assertEquals(200, client.postJson(HELLO).statusCode());
  }

  @Test
  @SuppressWarnings("unchecked") // anyOf loses the type of the futures it is given
  void oneRequestWaitsInTheQueueAndTheOneBeyondIsRefused() throws Exception {
    start(limits(1, 1, Duration.ofSeconds(10), Duration.ofSeconds(30)));
    CompletableFuture<HttpResponse<byte[]>> held = holdASlot();
    CompletableFuture<HttpResponse<byte[]>> second =
        CompletableFuture.supplyAsync(() -> client.postJson(HELLO));
    CompletableFuture<HttpResponse<byte[]>> third =
        CompletableFuture.supplyAsync(() -> client.postJson(HELLO));

    // Whichever arrives first waits in the queue; the other is refused at once.
    HttpResponse<byte[]> refused =
        (HttpResponse<byte[]>) CompletableFuture.anyOf(second, third).get(5, TimeUnit.SECONDS);
    assertEquals(503, refused.statusCode());
    assertEquals(BUSY, text(refused));
    CompletableFuture<HttpResponse<byte[]>> queued = second.isDone() ? third : second;
    assertFalse(queued.isDone(), "the queued request ran before a slot was free");

    schema.release.countDown();
    assertEquals(200, held.get(5, TimeUnit.SECONDS).statusCode());
    HttpResponse<byte[]> answered = queued.get(5, TimeUnit.SECONDS);
    assertEquals(json("{\"data\": {\"hello\": \"Hello, world\"}}"), json(answered));
  }

  @Test
  void healthAndMetricsAnswerWhileGraphqlIsFull() throws Exception {
    start(limits(1, 0, Duration.ofSeconds(10), Duration.ofSeconds(30)));
    CompletableFuture<HttpResponse<byte[]>> held = holdASlot();
    assertEquals(200, client.get("health/live").statusCode());
    assertEquals(200, client.get("health").statusCode());
    assertEquals(200, client.get("metrics").statusCode());
    assertFalse(held.isDone());
  }

  @Test
  void aClientThatSendsHalfItsHeadersIsCutOffAtTheHeaderTimeout() throws IOException {
    start(limits(4, 4, Duration.ofMillis(300), Duration.ofSeconds(30)));
    assertEquals("", answerTo("GET /health HTTP/1.1\r\nHost: localhost\r\n"));
  }

  @Test
  void aClientThatSendsHalfItsBodyIsCutOffAtTheReadTimeout() throws IOException {
    start(limits(4, 4, Duration.ofSeconds(10), Duration.ofMillis(300)));
    String halfABody =
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"query\"";
    assertEquals("", answerTo(halfABody));
  }

  @Test
  void aMalformedRequestLineGetsABare400() throws IOException {
    start(HttpLimits.DEFAULT);
    assertEquals(
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        answerTo("GET /\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  }

  /**
   * Sends {@code request} on a raw connection and reads until the server closes it, which must
   * happen within 5 s.
   */
  private String answerTo(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server kept the connection open for 5 s", e);
      } catch (IOException e) {
        // A reset is the server closing the connection too.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void shutdownLetsARequestInFlightFinishAndRefusesNewOnes() throws Exception {
    start(HttpLimits.DEFAULT);
    CompletableFuture<HttpResponse<byte[]>> inFlight = holdASlot();
    CompletableFuture<Boolean> shutdown =
        CompletableFuture.supplyAsync(() -> server.shutdown(Duration.ofSeconds(5)));

    HttpResponse<byte[]> refused = awaitShuttingDown();
    assertEquals("shutting down", text(refused));
    assertFalse(inFlight.isDone(), "the request in flight was cut off");

    schema.release.countDown();
    HttpResponse<byte[]> finished = inFlight.get(5, TimeUnit.SECONDS);
    assertEquals(200, finished.statusCode());
    assertEquals(json("{\"data\": {\"wait\": \"released\"}}"), json(finished));
    assertEquals(true, shutdown.get(5, TimeUnit.SECONDS));
    assertThrows(UncheckedIOException.class, () -> client.get("health/live"));
  }

  @Test
  void shutdownCutsOffWhatOutlastsTheGracePeriod() throws Exception {
    start(HttpLimits.DEFAULT);
    CompletableFuture<HttpResponse<byte[]>> held = holdASlot();
    assertEquals(false, server.shutdown(Duration.ofMillis(200)));
    assertThrows(ExecutionException.class, () -> held.get(5, TimeUnit.SECONDS));
  }

  /** Shutdown starts on another thread: new requests are refused once it has. */
  private HttpResponse<byte[]> awaitShuttingDown() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      HttpResponse<byte[]> response = client.get("health/live");
      if (response.statusCode() == 503) {
        return response;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("new requests were still served 5 s after shutdown began");
  }
}
