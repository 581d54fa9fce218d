package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spack.cachesearch.http.TestClient.contentType;
import static org.spack.cachesearch.http.TestClient.json;
import static org.spack.cachesearch.http.TestClient.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.graphql.SpackApi;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.TestIndex;

/**
 * Hostile requests over real HTTP against the bundled sample served on a loopback port: each is
 * answered within 5 s with its exact status and body, and the server answers a normal query exactly
 * afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {
  /** Every request must be answered within this, or the client gives up and the test fails. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  private static final String JSON_TYPE = "application/json";
  private static final String STATS = "{ stats { numSpecs } }";
  private static final String STATS_ANSWER = "{\"data\": {\"stats\": {\"numSpecs\": 905}}}";

  @TempDir static Path tmp;
  private static SearchIndex index;
  private static ApiServer server;
  private static TestClient client;

  @BeforeAll
  static void serveTheBundledSample() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), Path.of("src/main/resources/sample"));
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES),
            SpackApi.build(index),
            () -> "ok");
    client = new TestClient(server);
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (index != null) {
      index.close();
    }
  }

  /**
   * One hostile request and its whole expected answer.
   *
   * @param type the media type answered, without its charset
   * @param body the expected JSON body
   */
  record Hostile(
      String name,
      Function<TestClient, HttpRequest.Builder> request,
      int status,
      String type,
      String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  // ---- requests ----

  private static String body(Map<String, ?> request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** POSTs {@code body} as JSON with the given {@code Accept}. */
  private static Function<TestClient, HttpRequest.Builder> post(String body, String accept) {
    return c ->
        c.request("graphql")
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static Function<TestClient, HttpRequest.Builder> document(String document) {
    return post(body(Map.of("query", document)), GRAPHQL_RESPONSE);
  }

  private static Function<TestClient, HttpRequest.Builder> bytes(String contentType, byte[] body) {
    return c ->
        c.request("graphql")
            .header("Content-Type", contentType)
            .header("Accept", GRAPHQL_RESPONSE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  // ---- answers ----

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request refused before any field ran: a GraphQL response with one error and no data. */
  private static String refused(String classification, String message) {
    return "{\"errors\": [{\"message\": %s, \"extensions\": {\"classification\": \"%s\"}}]}"
        .formatted(quoted(message), classification);
  }

  /** A root field's error at line 1, {@code column}: data null, the error with its path. */
  private static String fieldError(String field, int column, String classification, String msg) {
    return ("{\"data\": null, \"errors\": [{\"message\": %s, \"locations\": [{\"line\": 1,"
            + " \"column\": %d}], \"path\": [\"%s\"], \"extensions\": {\"classification\":"
            + " \"%s\"}}]}")
        .formatted(quoted(msg), column, field, classification);
  }

  private static Hostile limit(String name, String document, String message) {
    return new Hostile(name, document(document), 400, GRAPHQL_RESPONSE, refused("LIMIT", message));
  }

  private static Hostile searchError(String name, String query, String kind, String message) {
    return new Hostile(
        name,
        document("{ search(query: " + quoted(query) + ") { totalCount } }"),
        200,
        GRAPHQL_RESPONSE,
        fieldError("search", 3, kind, message));
  }

  private static Hostile searchCount(String name, String query, int count) {
    return new Hostile(
        name,
        document("{ search(query: " + quoted(query) + ") { totalCount } }"),
        200,
        GRAPHQL_RESPONSE,
        "{\"data\": {\"search\": {\"totalCount\": %d}}}".formatted(count));
  }

  private static Hostile badRequest(String name, byte[] body, String message) {
    return new Hostile(
        name,
        bytes("application/json", body),
        400,
        GRAPHQL_RESPONSE,
        refused("BAD_REQUEST", message));
  }

  private static Hostile unsupportedType(String contentType) {
    return new Hostile(
        "a body sent as " + contentType,
        bytes(contentType, body(Map.of("query", STATS)).getBytes(StandardCharsets.UTF_8)),
        415,
        GRAPHQL_RESPONSE,
        refused("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json"));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---- the suite ----

  static Stream<Hostile> documents() {
    String aliases =
        IntStream.range(0, 1000)
            .mapToObj(i -> "a" + i + ": tags { name }")
            .collect(Collectors.joining(" ", "{ ", " }"));
    StringBuilder bomb = new StringBuilder("{ ...F0 }");
    for (int i = 0; i < 20; i++) {
      bomb.append(" fragment F%d on Query { ...F%d ...F%d }".formatted(i, i + 1, i + 1));
    }
    bomb.append(" fragment F20 on Query { stats { numSpecs } }");
    String twoHundredThousand = STATS + "\n#" + "x".repeat(200_000 - STATS.length() - 2);
    return Stream.of(
        limit(
            "a query 17 fields deep",
            "{ search { nodes { "
                + "dependents { nodes { ".repeat(7)
                + "hash"
                + " } }".repeat(7)
                + " } } }",
            "query is 17 fields deep; the limit is 15"),
        limit(
            "a document nested 1000 selections deep",
            "{ a" + " { a".repeat(999) + " }".repeat(1000),
            "document nests deeper than 100 grammar rules; the limit is 100"),
        limit(
            "an argument of lists nested 1000 deep",
            "{ search(query: " + "[".repeat(1000) + "]".repeat(1000) + ") { totalCount } }",
            "document nests deeper than 100 grammar rules; the limit is 100"),
        limit("1000 aliases", aliases, "query has 1000 aliases; the limit is 100"),
        limit(
            "30 root fields",
            "{ " + "stats { numSpecs } ".repeat(30) + "}",
            "query selects 30 root fields; the limit is 20"),
        limit(
            "fragments spreading each other 2^20 times at the root",
            bomb.toString(),
            "query selects 1048576 root fields; the limit is 20"),
        limit(
            "a document of 200,000 characters",
            twoHundredThousand,
            "document is 200000 characters long; the limit is 100000"),
        limit(
            "a document of 16,000 tokens",
            "{ tags { " + "name ".repeat(16_000) + "} }",
            "document has more than 15000 tokens; the limit is 15000"),
        limit(
            "a document padded with 60,000 spaces",
            STATS + " ".repeat(60_000),
            "document has more than 50000 whitespace tokens; the limit is 50000"),
        limit(
            "a query costlier than the cap",
            "{ packages(first: 100) { nodes { specs(first: 100) { nodes { hash } } } } }",
            "query costs 20201; the limit is 20000"),
        new Hostile(
            "@defer, which the server does not implement",
            document("{ search { ... @defer { totalCount } } }"),
            400,
            GRAPHQL_RESPONSE,
            "{\"errors\": [{\"message\": \"Validation error (UnknownDirective@[search]) : Unknown"
                + " directive 'defer'\", \"locations\": [{\"line\": 1, \"column\": 16}],"
                + " \"extensions\": {\"classification\": \"ValidationError\"}}]}"),
        new Hostile(
            "@experimental_disableErrorPropagation, which the server does not implement",
            document("query @experimental_disableErrorPropagation " + STATS),
            400,
            GRAPHQL_RESPONSE,
            "{\"errors\": [{\"message\": \"Validation error (UnknownDirective) : Unknown directive"
                + " 'experimental_disableErrorPropagation'\", \"locations\": [{\"line\": 1,"
                + " \"column\": 7}], \"extensions\": {\"classification\": \"ValidationError\"}}]}"),
        new Hostile(
            "an unknown operationName",
            post(body(Map.of("query", "query A " + STATS, "operationName", "B")), GRAPHQL_RESPONSE),
            400,
            GRAPHQL_RESPONSE,
            "{\"errors\": [{\"message\": \"Unknown operation named 'B'.\", \"extensions\":"
                + " {\"classification\": \"ValidationError\"}}]}"),
        new Hostile(
            "a document over a limit asked for with Accept */*",
            post(body(Map.of("query", aliases)), "*/*"),
            200,
            JSON_TYPE,
            refused("LIMIT", "query has 1000 aliases; the limit is 100")));
  }

  static Stream<Hostile> arguments() {
    return Stream.of(
        new Hostile(
            "first: 100000",
            document("{ search(first: 100000) { totalCount } }"),
            200,
            GRAPHQL_RESPONSE,
            fieldError(
                "search",
                3,
                "LIMIT",
                "first is 100000 but a page holds 1 to 100 items; page with `after`")),
        new Hostile(
            "first: 0",
            document("{ search(first: 0) { totalCount } }"),
            200,
            GRAPHQL_RESPONSE,
            fieldError("search", 3, "BAD_ARGUMENT", "first is 0 but must be at least 1")),
        new Hostile(
            "first: -1",
            document("{ packages(first: -1) { totalCount } }"),
            200,
            GRAPHQL_RESPONSE,
            fieldError("packages", 3, "BAD_ARGUMENT", "first is -1 but must be at least 1")),
        new Hostile(
            "a facet limit of 100000",
            document("{ facets(fields: [TARGET], limit: 100000) { otherCount } }"),
            200,
            GRAPHQL_RESPONSE,
            fieldError("facets", 3, "LIMIT", "limit is 100000 but a facet lists 1 to 1000 values")),
        new Hostile(
            "a facet field asked for twice",
            document("{ facets(fields: [TARGET, TARGET]) { otherCount } }"),
            200,
            GRAPHQL_RESPONSE,
            fieldError("facets", 3, "BAD_ARGUMENT", "fields lists TARGET more than once")));
  }

  static Stream<Hostile> luceneQueries() {
    String fourThousand = "*a".repeat(2000);
    String longWildcard =
        IntStream.range(0, 128)
            .mapToObj(i -> "*" + (char) ('a' + i % 26))
            .collect(Collectors.joining());
    return Stream.of(
        searchCount("the regexp /(a+)+b/", "text:/(a+)+b/", 0),
        searchError(
            "the regexp /[ab]{1000}{1000}/",
            "text:/[ab]{1000}{1000}/",
            "LIMIT",
            "regexp '/[ab]{1000}{1000}/' is too complex: its automaton needs more work than the"
                + " limit of 10000"),
        searchError(
            "a regexp that does not parse",
            "text:/[a/",
            "QUERY_SYNTAX",
            "regexp '/[a/' does not parse: expected ']' at position 2"),
        searchCount("* alone", "*", 905),
        searchError(
            "a field of any value",
            "package:*",
            "LIMIT",
            "leading wildcard '*' has 0 other characters; the minimum is 2"),
        searchError(
            "a leading wildcard with one other character",
            "*a",
            "LIMIT",
            "leading wildcard '*a' has 1 other character; the minimum is 2"),
        searchCount("a leading wildcard with enough characters", "*filelock", 124),
        searchError(
            "a wildcard of 4000 characters",
            fourThousand,
            "LIMIT",
            "wildcard '"
                + fourThousand.substring(0, 40)
                + "...' is 4000 characters long; the"
                + " limit is 256"),
        searchError(
            "a wildcard of 256 characters that takes too much automaton work",
            longWildcard,
            "LIMIT",
            "wildcard '"
                + longWildcard.substring(0, 40)
                + "...' is too complex: its automaton needs more work than the limit of 10000"),
        searchError(
            "a fuzzy term of 230 characters",
            "x".repeat(230) + "~2",
            "LIMIT",
            "fuzzy term '" + "x".repeat(40) + "...' is 230 characters long; the limit is 20"),
        searchCount(
            "a fuzzy term of 20 CJK characters",
            new String(IntStream.range(0, 20).map(i -> 0x4E00 + 997 * i).toArray(), 0, 20) + "~2",
            0),
        searchError(
            "nine wildcard terms",
            "a?c ".repeat(9).trim(),
            "LIMIT",
            "query has more than 8 wildcard, regexp and fuzzy terms; the limit is 8"),
        searchError(
            "a 5000-clause query",
            "a" + " OR a".repeat(4999),
            "LIMIT",
            "query is 24996 characters long; at most 4096"),
        searchError(
            "a 2000-clause query within the length limit",
            "a ".repeat(2000).trim(),
            "LIMIT",
            "query has more than 1024 clauses"));
  }

  static Stream<Hostile> bodies() {
    Map<String, Object> manyVariables = new LinkedHashMap<>();
    IntStream.range(0, 50_000).forEach(i -> manyVariables.put("v" + i, i));
    ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
    invalidUtf8.writeBytes(utf8("{\"query\": \"{ stats { numSpecs } }\", \"x\": \""));
    invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    invalidUtf8.writeBytes(utf8("\"}"));
    return Stream.of(
        badRequest(
            "invalid UTF-8 in the body",
            invalidUtf8.toByteArray(),
            "request body is not valid UTF-8 at line 1, column 45"),
        badRequest(
            "a body that ends too early",
            utf8("{\"query\": "),
            "request body is not valid JSON" + " at line 1, column 11"),
        badRequest(
            "a batch of requests in an array",
            utf8("[" + body(Map.of("query", STATS)) + "]"),
            "request body must be a JSON object"),
        badRequest(
            "variables that are an array",
            utf8("{\"query\": \"" + STATS + "\", \"variables\": [1, 2]}"),
            "variables must be an object"),
        badRequest(
            "variables that are a string of JSON",
            utf8("{\"query\": \"" + STATS + "\", \"variables\": \"{}\"}"),
            "variables must be an object"),
        badRequest("a query that is a number", utf8("{\"query\": 42}"), "query must be a string"),
        badRequest(
            "variables nested 2000 deep",
            utf8(
                "{\"query\": \""
                    + STATS
                    + "\", \"variables\": {\"v\": "
                    + "[".repeat(2000)
                    + "]".repeat(2000)
                    + "}}"),
            "request body nests JSON deeper than 1000 levels; the limit is 1000"),
        badRequest(
            "a number of 2000 digits",
            utf8(
                "{\"query\": \"" + STATS + "\", \"variables\": {\"n\": " + "9".repeat(2000) + "}}"),
            "request body holds a JSON value longer than the parser allows"),
        new Hostile(
            "a variable of 500,000 characters",
            post(
                body(
                    Map.of(
                        "query",
                        "query($q: String) { search(query: $q) { totalCount } }",
                        "variables",
                        Map.of("q", "x".repeat(500_000)))),
                GRAPHQL_RESPONSE),
            200,
            GRAPHQL_RESPONSE,
            fieldError("search", 21, "LIMIT", "query is 500000 characters long; at most 4096")),
        new Hostile(
            "50,000 variables the document does not declare",
            post(body(Map.of("query", STATS, "variables", manyVariables)), GRAPHQL_RESPONSE),
            200,
            GRAPHQL_RESPONSE,
            STATS_ANSWER),
        unsupportedType("text/plain"),
        unsupportedType("application/graphql"),
        unsupportedType("application/x-www-form-urlencoded"),
        unsupportedType("multipart/form-data; boundary=x"),
        unsupportedType("application/json; charset=latin1"),
        new Hostile(
            "a mutation sent with GET",
            c ->
                c.request(TestClient.graphqlQueryString("query", "mutation { x }"))
                    .header("Accept", GRAPHQL_RESPONSE)
                    .GET(),
            405,
            GRAPHQL_RESPONSE,
            refused("METHOD_NOT_ALLOWED", "a mutation cannot be sent with GET; use POST")));
  }

  private static void assertAnswered(Hostile hostile) {
    // Preemptively: the client's own timeout does not cover every way an answer can stall.
    HttpResponse<byte[]> response =
        assertTimeoutPreemptively(
            BOUND, () -> client.send(hostile.request().apply(client).timeout(BOUND)));
    assertEquals(hostile.status(), response.statusCode(), () -> text(response));
    assertEquals(hostile.type() + "; charset=utf-8", contentType(response));
    assertEquals(json(hostile.body()), json(response));
  }

  private static Stream<DynamicTest> each(Stream<Hostile> hostiles) {
    return hostiles.map(h -> DynamicTest.dynamicTest(h.name(), () -> assertAnswered(h)));
  }

  @Order(1)
  @TestFactory
  Stream<DynamicTest> aHostileDocumentIsRefusedNamingItsLimit() {
    return each(documents());
  }

  @Order(1)
  @TestFactory
  Stream<DynamicTest> anArgumentOutOfRangeIsAFieldErrorNamingItsRange() {
    return each(arguments());
  }

  @Order(1)
  @TestFactory
  Stream<DynamicTest> aHostileLuceneQueryIsRefusedOrAnsweredWithinItsBounds() {
    return each(luceneQueries());
  }

  @Order(1)
  @TestFactory
  Stream<DynamicTest> aHostileBodyIsRefusedWithItsStatus() {
    return each(bodies());
  }

  /**
   * A 2 MB query is refused from its headers, before its body is read: sent as a careful client
   * sends a large body, with {@code Expect: 100-continue}, over a raw socket (the JDK 17 client
   * waits forever for a 100 that a refusal never sends).
   */
  @Order(1)
  @Test
  void aTwoMegabyteQueryIsRefusedBeforeItsBodyIsRead() throws IOException {
    int length = 2 << 20;
    String answer =
        assertTimeoutPreemptively(
            BOUND,
            () -> {
              try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout((int) BOUND.toMillis());
                String headers =
                    "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Accept: application/graphql-response+json\r\nExpect: 100-continue\r\n"
                        + "Content-Length: "
                        + length
                        + "\r\n\r\n";
                socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              }
            });
    int split = answer.indexOf("\r\n\r\n");
    List<String> head = List.of(answer.substring(0, split).split("\r\n", -1));
    assertEquals("HTTP/1.1 413 Request Entity Too Large", head.get(0));
    assertTrue(
        head.contains("Content-Type: application/graphql-response+json; charset=utf-8"),
        head.toString());
    assertEquals(
        json(refused("PAYLOAD_TOO_LARGE", "request body is larger than 1048576 bytes")),
        json(answer.substring(split + 4)));
  }

  @Order(2)
  @Test
  void afterThemAllANormalQueryIsAnsweredExactly() {
    assertAnswered(
        new Hostile(
            "the README's first example",
            document(
                "{ search(query: \"compiler:gcc* AND target:aarch64\", first: 3) { totalCount"
                    + " nodes { hash package specString } pageInfo { hasNextPage endCursor } } }"),
            200,
            GRAPHQL_RESPONSE,
            """
            {"data":{"search":{"totalCount":80,"nodes":[
              {"hash":"25tc3rzqrk7mdbjodw63ytbvly4x4vjs","package":"samtools",
               "specString":"samtools@1.19.2%gcc@7.3.1 build_system=generic arch=linux-amzn2-aarch64"},
              {"hash":"2hyoau7gerd5rp4zpddfupvz67v3tkhg","package":"amg2013",
               "specString":"amg2013@master%gcc@7.3.1~assumedpartition~int64+openmp build_system=makefile arch=linux-amzn2-aarch64"},
              {"hash":"2r7orhwvk5govnxjj2ou2iqvwbnernca","package":"py-filelock",
               "specString":"py-filelock@3.12.4%gcc@13.2.0 build_system=python_pip arch=linux-ubuntu24.04-aarch64"}],
             "pageInfo":{"hasNextPage":true,"endCursor":"AAIBP_XcOQIAKGRldmVsb3AvMnI3b3Jod3ZrNWdvdm54amoyb3UyaXF2d2JuZXJuY2E"}}}}
            """));
  }
}
