package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spack.cachesearch.http.TestClient.contentType;
import static org.spack.cachesearch.http.TestClient.graphqlQueryString;
import static org.spack.cachesearch.http.TestClient.json;
import static org.spack.cachesearch.http.TestClient.text;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /graphql} over real HTTP, checked against the GraphQL-over-HTTP spec. */
class GraphQLHandlerTest {
  private static final String GRAPHQL_RESPONSE = "application/graphql-response+json; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  private static final int MAX_BODY_BYTES = 1024;

  private static final String PARSE_ERROR =
      """
          {"errors": [{"message": "Invalid syntax with offending token '<EOF>' at line 1 column 2",
                       "locations": [{"line": 1, "column": 2}],
                       "extensions": {"classification": "InvalidSyntax"}}]}""";

  private static final String UNKNOWN_FIELD =
      """
      {"errors": [{"message": "Validation error (FieldUndefined@[nope]) : Field 'nope' in type 'Query' is undefined",
                   "locations": [{"line": 1, "column": 3}],
                   "extensions": {"classification": "ValidationError"}}]}""";

  private final TestSchema schema = new TestSchema();
  private ApiServer server;
  private TestClient client;

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), MAX_BODY_BYTES),
            schema.graphQL(),
            () -> "ok");
    client = new TestClient(server);
  }

  @AfterEach
  void stop() {
    schema.release.countDown();
    server.close();
  }

  private static void assertResponse(
      int status, String contentType, String body, HttpResponse<byte[]> response) {
    assertEquals(status, response.statusCode(), () -> text(response));
    assertEquals(contentType, contentType(response));
    assertEquals(json(body), json(response));
  }

  /** Headers with {@code Accept: application/graphql-response+json} unless they set one. */
  private static String[] acceptingGraphqlResponse(String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Accept")) {
        return headers;
      }
    }
    String[] with = Arrays.copyOf(headers, headers.length + 2);
    with[headers.length] = "Accept";
    with[headers.length + 1] = GRAPHQL_RESPONSE;
    return with;
  }

  private HttpResponse<byte[]> post(String body, String... headers) {
    return client.postJson(body, acceptingGraphqlResponse(headers));
  }

  private HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
    return client.get(pathAndQuery, acceptingGraphqlResponse(headers));
  }

  private static String rejected(String classification, String message) {
    return """
        {"errors": [{"message": "%s", "extensions": {"classification": "%s"}}]}"""
        .formatted(message, classification);
  }

  @Test
  void postWithoutAcceptIsAnsweredAsApplicationJsonForLegacyClients() {
    assertResponse(
        200,
        JSON,
        """
        {"data": {"hello": "Hello, world"}}""",
        client.postJson("{\"query\": \"{ hello }\"}"));
    assertResponse(200, JSON, UNKNOWN_FIELD, client.postJson("{\"query\": \"{ nope }\"}"));
  }

  @Test
  void getWithoutAcceptIsAnsweredAsApplicationJson() {
    HttpResponse<byte[]> response = client.get(graphqlQueryString("query", "{ hello }"));
    assertEquals(200, response.statusCode());
    assertEquals(JSON, contentType(response));
  }

  @Test
  void postWithVariablesAndOperationNameRunsTheNamedOperation() {
    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"data": {"hello": "Hello, Spack"}}""",
        post(
            """
            {"query": "query A { fail } query B($n: String) { hello(name: $n) }",
             "operationName": "B", "variables": {"n": "Spack"}, "extensions": null}"""));
  }

  @Test
  void wildcardAcceptGetsApplicationJson() {
    HttpResponse<byte[]> response = post("{\"query\": \"{ nope }\"}", "Accept", "*/*");
    assertEquals(200, response.statusCode());
    assertEquals(JSON, contentType(response));
  }

  @Test
  void namingGraphqlResponseJsonBesideAWildcardGetsIt() {
    HttpResponse<byte[]> response =
        post("{\"query\": \"{ nope }\"}", "Accept", "application/graphql-response+json, */*");
    assertEquals(400, response.statusCode());
    assertEquals(GRAPHQL_RESPONSE, contentType(response));
  }

  @Test
  void recommendedAcceptGetsGraphqlResponseJson() {
    HttpResponse<byte[]> response =
        post(
            "{\"query\": \"{ hello }\"}",
            "Accept",
            "application/graphql-response+json; charset=utf-8, application/json; charset=utf-8");
    assertEquals(GRAPHQL_RESPONSE, contentType(response));
  }

  @Test
  void acceptApplicationJsonGetsApplicationJson() {
    assertResponse(
        200,
        JSON,
        """
        {"data": {"hello": "Hello, world"}}""",
        post("{\"query\": \"{ hello }\"}", "Accept", "application/json"));
  }

  @Test
  void applicationJsonWinsWhenTheClientWeighsItHigher() {
    HttpResponse<byte[]> response =
        post(
            "{\"query\": \"{ hello }\"}",
            "Accept",
            "application/graphql-response+json;q=0.5, application/json");
    assertEquals(JSON, contentType(response));
  }

  @Test
  void acceptingNeitherTypeIs406() {
    HttpResponse<byte[]> response =
        post("{\"query\": \"{ hello }\"}", "Accept", "text/html, application/xml");
    assertEquals(406, response.statusCode());
    assertEquals("text/plain; charset=utf-8", contentType(response));
    assertEquals(
        "Accept must allow application/graphql-response+json or application/json", text(response));
  }

  @Test
  void acceptingBothTypesOnlyWithWeightZeroIs406() {
    HttpResponse<byte[]> response =
        get(
            graphqlQueryString("query", "{ hello }"),
            "Accept",
            "application/json;q=0, application/*;q=0");
    assertEquals(406, response.statusCode());
  }

  @Test
  void getReadsQueryOperationNameAndVariablesFromTheQueryString() {
    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"data": {"hello": "Hello, build cache"}}""",
        get(
            graphqlQueryString(
                "query", "query Q($n: String) { hello(name: $n) } query R { fail }",
                "operationName", "Q",
                "variables", "{\"n\": \"build cache\"}")));
  }

  @Test
  void getWithAcceptApplicationJsonGetsApplicationJson() {
    assertResponse(
        200,
        JSON,
        """
        {"data": {"hello": "Hello, world"}}""",
        get(graphqlQueryString("query", "{ hello }"), "Accept", "application/json"));
  }

  @Test
  void getWithoutQueryIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "query is required"),
        get("graphql?operationName=Q"));
  }

  @Test
  void getWithVariablesThatAreNotJsonIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "variables is not valid JSON at line 1, column 2"),
        get(graphqlQueryString("query", "{ hello }", "variables", "{n")));
  }

  @Test
  void getWithTheQueryGivenTwiceIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "query is given more than once"),
        get(graphqlQueryString("query", "{ hello }", "query", "{ fail }")));
  }

  @Test
  void mutationOverGetIs405AllowingPost() {
    HttpResponse<byte[]> response = get(graphqlQueryString("query", "mutation { noop }"));
    assertResponse(
        405,
        GRAPHQL_RESPONSE,
        rejected("METHOD_NOT_ALLOWED", "a mutation cannot be sent with GET; use POST"),
        response);
    assertEquals(Optional.of("POST"), response.headers().firstValue("Allow"));
  }

  @Test
  void mutationSelectedByOperationNameOverGetIs405() {
    HttpResponse<byte[]> response =
        get(
            graphqlQueryString(
                "query", "query Q { hello } mutation M { noop }", "operationName", "M"));
    assertEquals(405, response.statusCode());
  }

  @Test
  void queryBesideAMutationOverGetRuns() {
    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"data": {"hello": "Hello, world"}}""",
        get(
            graphqlQueryString(
                "query", "query Q { hello } mutation M { noop }", "operationName", "Q")));
  }

  @Test
  void mutationOverPostRuns() {
    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"data": {"noop": true}}""",
        post("{\"query\": \"mutation { noop }\"}"));
  }

  @Test
  void malformedJsonIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "request body is not valid JSON at line 1, column 10"),
        post("{\"query\":"));
  }

  @Test
  void malformedJsonIs400WithApplicationJsonToo() {
    assertResponse(
        400,
        JSON,
        rejected("BAD_REQUEST", "request body is not valid JSON at line 1, column 1"),
        post("NONSENSE", "Accept", "application/json"));
  }

  @Test
  void bodyThatIsNotAnObjectIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "request body must be a JSON object"),
        post("[{\"query\": \"{ hello }\"}]"));
  }

  @Test
  void emptyBodyIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "request body must be a JSON object"),
        post(""));
  }

  @Test
  void missingQueryIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "query is required"),
        post("{\"qeury\": \"{ hello }\"}"));
  }

  @Test
  void queryThatIsNotAStringIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "query must be a string"),
        post("{\"query\": {\"hello\": true}}"));
  }

  @Test
  void variablesThatAreNotAnObjectAre400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "variables must be an object"),
        post("{\"query\": \"query Q($i: String) { hello(name: $i) }\", \"variables\": [7]}"));
  }

  @Test
  void operationNameThatIsNotAStringIs400() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        rejected("BAD_REQUEST", "operationName must be a string"),
        post("{\"query\": \"{ hello }\", \"operationName\": 1}"));
  }

  @Test
  void trailingContentAfterTheJsonObjectIs400() {
    HttpResponse<byte[]> response = post("{\"query\": \"{ hello }\"} {}");
    assertEquals(400, response.statusCode());
  }

  @Test
  void contentTypeOtherThanJsonIs415() {
    HttpResponse<byte[]> response =
        client.send(
            client
                .request("graphql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=%7B+hello+%7D")));
    assertResponse(
        415,
        JSON,
        rejected("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json"),
        response);
  }

  @Test
  void missingContentTypeIs415() {
    HttpResponse<byte[]> response =
        client.send(
            client
                .request("graphql")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ hello }\"}")));
    assertEquals(415, response.statusCode());
  }

  @Test
  void jsonInAnotherCharsetIs415() {
    HttpResponse<byte[]> response =
        client.send(
            client
                .request("graphql")
                .header("Content-Type", "application/json; charset=iso-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ hello }\"}")));
    assertEquals(415, response.statusCode());
  }

  @Test
  void jsonWithUtf8CharsetInAnyCaseIsAccepted() {
    HttpResponse<byte[]> response =
        client.send(
            client
                .request("graphql")
                .header("Content-Type", "Application/JSON;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ hello }\"}")));
    assertEquals(200, response.statusCode());
  }

  @Test
  void bodyLargerThanTheCapIs413() {
    String body = "{\"query\": \"{ hello }\", \"pad\": \"" + "x".repeat(MAX_BODY_BYTES) + "\"}";
    assertResponse(
        413,
        GRAPHQL_RESPONSE,
        rejected("PAYLOAD_TOO_LARGE", "request body is larger than 1024 bytes"),
        post(body));
  }

  @Test
  void chunkedBodyLargerThanTheCapIs413() {
    byte[] body =
        ("{\"query\": \"{ hello }\", \"pad\": \"" + "x".repeat(4 * MAX_BODY_BYTES) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response =
        client.send(
            client
                .request("graphql")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));
    assertEquals(413, response.statusCode());
  }

  @Test
  void aDeclaredHugeBodyIs413BeforeItIsSent() throws java.io.IOException {
    // A raw socket, so that nothing of the body is sent: the answer must come from the headers.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String headers =
          "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Accept: application/graphql-response+json\r\nContent-Length: 268435456\r\n\r\n";
      socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
      assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
    }
  }

  @Test
  void anUndeclaredHugeBodyIsCutOffWithoutTheServerReadingItAll() {
    long size = 256L * 1024 * 1024;
    AtomicLong sent = new AtomicLong();
    // Chunked, so the length is only known by reading: the server answers 413 once past the cap
    // and closes. A client still sending may see the close before the answer (TCP resets the
    // connection on unread data), so either is a pass; what must hold is that the server stopped.
    try {
      HttpResponse<byte[]> response =
          client.send(
              client
                  .request("graphql")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless(size, sent))));
      assertEquals(413, response.statusCode());
      assertEquals(Optional.of("close"), response.headers().firstValue("Connection"));
    } catch (java.io.UncheckedIOException e) {
      assertTrue(e.getCause() instanceof java.io.IOException, e.toString());
    }
    assertTrue(sent.get() < size, "the server stopped reading after " + sent.get() + " bytes");
  }

  /** {@code size} bytes of 'x', counting what was read into {@code sent}. */
  private static InputStream endless(long size, AtomicLong sent) {
    return new InputStream() {
      @Override
      public int read() {
        return sent.getAndIncrement() < size ? 'x' : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        int n = (int) Math.min(length, size - sent.get());
        if (n <= 0) {
          return -1;
        }
        Arrays.fill(buffer, offset, offset + n, (byte) 'x');
        sent.addAndGet(n);
        return n;
      }
    };
  }

  @Test
  void bodyOfExactlyTheCapIsAccepted() {
    String start = "{\"query\": \"{ hello }\", \"pad\": \"";
    String body = start + "x".repeat(MAX_BODY_BYTES - start.length() - 2) + "\"}";
    assertEquals(MAX_BODY_BYTES, body.length());
    assertEquals(200, post(body).statusCode());
  }

  @Test
  void documentThatDoesNotParseIs400WithGraphqlResponseJson() {
    assertResponse(400, GRAPHQL_RESPONSE, PARSE_ERROR, post("{\"query\": \"{\"}"));
  }

  @Test
  void documentThatDoesNotParseIs200WithApplicationJson() {
    assertResponse(
        200, JSON, PARSE_ERROR, post("{\"query\": \"{\"}", "Accept", "application/json"));
  }

  @Test
  void documentThatDoesNotValidateIs400WithGraphqlResponseJson() {
    assertResponse(400, GRAPHQL_RESPONSE, UNKNOWN_FIELD, post("{\"query\": \"{ nope }\"}"));
  }

  @Test
  void documentThatDoesNotValidateIs200WithApplicationJson() {
    assertResponse(
        200, JSON, UNKNOWN_FIELD, post("{\"query\": \"{ nope }\"}", "Accept", "application/json"));
  }

  @Test
  void variablesThatDoNotCoerceAre400WithGraphqlResponseJson() {
    assertResponse(
        400,
        GRAPHQL_RESPONSE,
        """
        {"errors": [{"message": "Variable 'n' has an invalid value: \
        Expected a String input, but it was a 'LinkedHashMap'",
                     "locations": [{"line": 1, "column": 9}],
                     "extensions": {"classification": "ValidationError"}}]}""",
        post(
            """
            {"query": "query Q($n: String) { hello(name: $n) }", "variables": {"n": {"a": 1}}}"""));
  }

  @Test
  void getWithADocumentThatDoesNotParseIsLeftToExecutionToReport() {
    assertResponse(400, GRAPHQL_RESPONSE, PARSE_ERROR, get(graphqlQueryString("query", "{")));
  }

  @Test
  void fieldErrorIs200WithDataAndErrors() {
    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"errors": [{"message": "Exception while fetching data (/fail) : boom",
                     "locations": [{"line": 1, "column": 9}],
                     "path": ["fail"],
                     "extensions": {"classification": "DataFetchingException"}}],
         "data": {"hello": "Hello, world", "fail": null}}""",
        post("{\"query\": \"{ hello fail }\"}"));
  }

  @Test
  void unexpectedFailureIs500InternalErrorLoggedOnce() {
    List<LogRecord> logged = new ArrayList<>();
    Logger logger = Logger.getLogger(GraphQLHandler.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (logged) {
              logged.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    try {
      assertResponse(
          500,
          GRAPHQL_RESPONSE,
          rejected("INTERNAL", "internal error"),
          post("{\"query\": \"{ opaque }\"}"));
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(true);
    }
    synchronized (logged) {
      assertEquals(1, logged.size());
      assertEquals("GraphQL request failed", logged.get(0).getMessage());
    }
  }

  @Test
  void requestInFlightDoesNotHoldUpOthers() throws Exception {
    CompletableFuture<HttpResponse<byte[]>> slow =
        CompletableFuture.supplyAsync(() -> post("{\"query\": \"{ wait }\"}"));
    assertTrue(schema.waiting.await(10, TimeUnit.SECONDS), "the slow request started");

    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"data": {"hello": "Hello, world"}}""",
        post("{\"query\": \"{ hello }\"}"));
    assertEquals(200, client.get("health").statusCode());

    schema.release.countDown();
    assertResponse(
        200,
        GRAPHQL_RESPONSE,
        """
        {"data": {"wait": "released"}}""",
        slow.get(10, TimeUnit.SECONDS));
  }
}
