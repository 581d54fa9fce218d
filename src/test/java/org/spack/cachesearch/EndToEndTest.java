package org.spack.cachesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.graphql.SpackApi;
import org.spack.cachesearch.http.ApiServer;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

/** The whole flow: ingest the real corpus, serve it on a loopback port, ask over real HTTP. */
class EndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static ApiServer server;
  private static List<Corpus.RawPage> pages;

  @BeforeAll
  static void ingestAndServe() throws IOException {
    Path dir = tmp.resolve("index");
    new IngestRun(IngestRun.Options.of(List.of(Corpus.cacheTree()), dir), IngestProgress.NONE)
        .run();
    index = SearchIndex.open(dir, Limits.DEFAULT, Duration.ofSeconds(1));
    server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES),
            SpackApi.build(index),
            () -> "ok");
    pages = Corpus.rawPages(Corpus.cacheTree());
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

  /** POSTs a query with variables and returns the response's {@code data}, failing on errors. */
  static JsonNode data(String query, Map<String, Object> variables) throws Exception {
    String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(json.path("errors").isMissingNode(), response.body());
    return json.get("data");
  }

  private static long countFromFiles(Predicate<JsonNode> spec) {
    long n = 0;
    for (Corpus.RawPage page : pages) {
      for (JsonNode s : page.specs()) {
        if (spec.test(s)) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void searchCountsWhatThePageFilesSay() throws Exception {
    JsonNode data =
        data(
            "query($q: String) { search(query: $q) { totalCount } }",
            Map.of("q", "compiler:gcc* AND target:aarch64"));

    long expected =
        countFromFiles(
            s ->
                s.get("compiler").asText().startsWith("gcc")
                    && s.get("target").asText().equals("aarch64"));
    assertEquals(80, expected);
    assertEquals(expected, data.at("/search/totalCount").asLong());
  }

  @Test
  void targetFacetUnderAnOsFilterEqualsCountsFromTheFilesAndIsMultiSelect() throws Exception {
    String query =
        "query($f: SpecFilter) { facets(filter: $f, fields: [TARGET], limit: 100) {"
            + " field values { value count } otherCount } }";
    Map<String, Integer> expected = new TreeMap<>();
    for (Corpus.RawPage page : pages) {
      page.specs()
          .forEach(
              s -> {
                if (s.get("os").asText().equals("ubuntu22.04")) {
                  expected.merge(s.get("target").asText(), 1, Integer::sum);
                }
              });
    }

    JsonNode byOs = data(query, Map.of("f", Map.of("os", List.of("ubuntu22.04"))));
    assertEquals(expected, counts(byOs.at("/facets/0/values")));
    assertEquals(0, byOs.at("/facets/0/otherCount").asInt());

    Map<String, Integer> allTargets = new TreeMap<>();
    pages.forEach(
        p -> p.specs().forEach(s -> allTargets.merge(s.get("target").asText(), 1, Integer::sum)));
    JsonNode selected = data(query, Map.of("f", Map.of("target", List.of("aarch64"))));
    assertEquals(allTargets, counts(selected.at("/facets/0/values")));
  }

  private static Map<String, Integer> counts(JsonNode values) {
    Map<String, Integer> out = new TreeMap<>();
    values.forEach(v -> out.put(v.get("value").asText(), v.get("count").asInt()));
    return out;
  }

  @Test
  void pagingWithCursorsReturnsEveryHashExactlyOnce() throws Exception {
    String query =
        "query($q: String, $after: String) { search(query: $q, first: 7, after: $after) {"
            + " edges { node { hash tag } } pageInfo { hasNextPage endCursor } } }";
    List<String> seen = new ArrayList<>();
    String after = null;
    int pagesRead = 0;
    do {
      Map<String, Object> vars = new java.util.HashMap<>();
      vars.put("q", "compiler:gcc*");
      vars.put("after", after);
      JsonNode page = data(query, vars).get("search");
      page.get("edges")
          .forEach(e -> seen.add(e.at("/node/tag").asText() + "/" + e.at("/node/hash").asText()));
      after =
          page.at("/pageInfo/hasNextPage").asBoolean()
              ? page.at("/pageInfo/endCursor").asText()
              : null;
      pagesRead++;
    } while (after != null);

    Set<String> expected = new TreeSet<>();
    pages.forEach(
        p ->
            p.specs()
                .forEach(
                    s -> {
                      if (s.get("compiler").asText().startsWith("gcc")) {
                        expected.add(p.tag() + "/" + s.get("hash").asText());
                      }
                    }));
    assertEquals(seen.size(), new HashSet<>(seen).size(), "no hash twice");
    assertEquals(expected, new TreeSet<>(seen));
    assertEquals((expected.size() + 6) / 7, pagesRead);
  }

  @Test
  void aSevenCharacterPrefixFindsTheSpec() throws Exception {
    JsonNode data =
        data(
            "{ spec(hash: \"2le7clp\") { hash package tag compiler { raw } target installCommand } }",
            Map.of());

    assertEquals(
        JSON.readTree(
            "{\"hash\":\"2le7clpozbk73bii2o75wtxc45r37ng3\",\"package\":\"py-filelock\","
                + "\"tag\":\"develop\",\"compiler\":{\"raw\":\"gcc@=9.4.0\"},\"target\":\"ppc64le\","
                + "\"installCommand\":\"spack install /2le7clpozbk73bii2o75wtxc45r37ng3\"}"),
        data.get("spec"));
  }

  @Test
  void theSeedPackageHasItsSpecsAndItsMetaLists() throws Exception {
    JsonNode p =
        data(
                "{ package(name: \"py-filelock\") { numSpecs versions oss platforms targets stacks"
                    + " compilers numSpecsByStack { stack count } specs(first: 100) { totalCount } } }",
                Map.of())
            .get("package");
    Corpus.RawPage seed =
        pages.stream().filter(x -> x.name().equals("py-filelock")).findFirst().orElseThrow();
    JsonNode meta = Corpus.meta(seed);

    assertEquals(124, p.get("numSpecs").asInt());
    assertEquals(124, p.at("/specs/totalCount").asInt());
    assertEquals(meta.get("versions"), p.get("versions"));
    assertEquals(meta.get("oss"), p.get("oss"));
    assertEquals(meta.get("platforms"), p.get("platforms"));
    assertEquals(meta.get("targets"), p.get("targets"));
    assertEquals(meta.get("stacks"), p.get("stacks"));
    List<String> compilers = new ArrayList<>();
    meta.get("compilers").forEach(c -> compilers.add(c.asText().replace("@=", "@")));
    assertEquals(JSON.valueToTree(compilers), p.get("compilers"));
    Map<String, Integer> byStack = new TreeMap<>();
    p.get("numSpecsByStack")
        .forEach(s -> byStack.put(s.get("stack").asText(), s.get("count").asInt()));
    Map<String, Integer> metaByStack = new TreeMap<>();
    meta.get("num_specs_by_stack")
        .fields()
        .forEachRemaining(e -> metaByStack.put(e.getKey(), e.getValue().asInt()));
    assertEquals(metaByStack, byStack);
  }
}
