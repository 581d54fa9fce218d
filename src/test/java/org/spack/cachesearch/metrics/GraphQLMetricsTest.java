package org.spack.cachesearch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spack.cachesearch.http.ApiServer;
import org.spack.cachesearch.http.HealthChecks;
import org.spack.cachesearch.http.ServerConfig;

/** Requests per root field and outcome at /metrics, counted exactly, over real HTTP. */
class GraphQLMetricsTest {
  private static final String SDL =
      """
      type Query { hello: String, fail: String, slow: String, node: Node }
      type Node { node: Node, name: String }
      """;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;

  /** A schema whose own instrumentation (a depth limit of 3) must keep working when measured. */
  private static GraphQL graphQL() {
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .type(
                "Query",
                t ->
                    t.dataFetcher("hello", env -> "hi")
                        .dataFetcher(
                            "fail",
                            env -> {
                              throw new IllegalStateException("boom");
                            })
                        .dataFetcher(
                            "slow",
                            env -> {
                              Thread.sleep(100);
                              return "done";
                            })
                        .dataFetcher("node", env -> Map.of("name", "n")))
            .type("Node", t -> t.dataFetcher("node", env -> Map.of("name", "n")))
            .build();
    return GraphQL.newGraphQL(
            new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring))
        .instrumentation(new MaxQueryDepthInstrumentation(3))
        .build();
  }

  @BeforeEach
  void start() {
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES),
            GraphQLMetrics.measure(graphQL(), registry),
            HealthChecks.alwaysWarm(() -> "ok"),
            registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    request =
        body == null
            ? request.GET()
            : request.method(method, HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String query(String document) {
    return send("POST", "/graphql", "{\"query\": \"" + document.replace("\"", "\\\"") + "\"}");
  }

  private List<String> lines(String suffix) {
    return send("GET", "/metrics", null)
        .lines()
        .filter(l -> l.startsWith("spack_search_graphql_request_duration_seconds" + suffix))
        .toList();
  }

  @Test
  void eachRootFieldIsCountedOnceWithItsOutcome() {
    query("{ hello }");
    query("{ hello }");
    query("{ a: hello b: hello }");
    query("{ fail }");
    query("{ hello fail }");
    query("{ nope }");
    query("{");
    String aborted = query("{ node { node { node { name } } } }");
    assertTrue(aborted.contains("maximum query depth exceeded 4 > 3"), aborted);

    assertEquals(
        List.of(
            "spack_search_graphql_request_duration_seconds_count"
                + "{field=\"fail\",outcome=\"DataFetchingException\"} 2",
            "spack_search_graphql_request_duration_seconds_count"
                + "{field=\"hello\",outcome=\"ok\"} 5",
            "spack_search_graphql_request_duration_seconds_count"
                + "{field=\"node\",outcome=\"ExecutionAborted\"} 1",
            "spack_search_graphql_request_duration_seconds_count"
                + "{field=\"none\",outcome=\"InvalidSyntax\"} 1",
            "spack_search_graphql_request_duration_seconds_count"
                + "{field=\"none\",outcome=\"ValidationError\"} 1"),
        lines("_count"));
  }

  @Test
  void aRootFieldIsTimedFromItsFetchToTheEndOfItsSelection() {
    query("{ slow }");
    List<String> sum = lines("_sum");
    assertEquals(1, sum.size(), sum::toString);
    String prefix =
        "spack_search_graphql_request_duration_seconds_sum{field=\"slow\",outcome=\"ok\"} ";
    assertTrue(sum.get(0).startsWith(prefix), sum::toString);
    assertTrue(Double.parseDouble(sum.get(0).substring(prefix.length())) >= 0.1, sum::toString);
    assertEquals(
        List.of(
            "spack_search_graphql_request_duration_seconds_bucket"
                + "{field=\"slow\",outcome=\"ok\",le=\"0.05\"} 0",
            "spack_search_graphql_request_duration_seconds_bucket"
                + "{field=\"slow\",outcome=\"ok\",le=\"+Inf\"} 1"),
        lines("_bucket").stream()
            .filter(l -> l.contains("le=\"0.05\"") || l.contains("le=\"+Inf\""))
            .toList());
  }
}
