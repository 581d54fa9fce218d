package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.TestIndex;

/** {@code Spec.tags} on a page of 100 specs costs a bounded number of searches, not one each. */
class SpecTagsBatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static GraphQL api;
  private static Map<String, TreeSet<String>> tagsByHash;

  /** The corpus, and its develop pages again as tag develop-copy: most hashes are in two tags. */
  @BeforeAll
  static void ingestCorpusAndACopyOfDevelop() throws IOException {
    Path copy = tmp.resolve("copy/_cache/develop-copy");
    Path develop = Corpus.cacheTree().resolve("_cache/develop");
    try (Stream<Path> pages = Files.walk(develop)) {
      for (Path page : pages.filter(p -> p.endsWith("specs.md")).toList()) {
        Path target = copy.resolve(develop.relativize(page).toString());
        Files.createDirectories(target.getParent());
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Files.writeString(
            target,
            text.replace("categories: [package, develop]", "categories: [package, develop-copy]"),
            StandardCharsets.UTF_8);
      }
    }
    index = TestIndex.of(tmp.resolve("index"), Corpus.cacheTree(), tmp.resolve("copy"));
    api = SpackApi.build(index);
    tagsByHash = new TreeMap<>();
    List<RawSpec> specs = new ArrayList<>(Corpus.rawSpecs(Corpus.cacheTree()));
    Corpus.rawSpecs(tmp.resolve("copy")).forEach(specs::add);
    for (RawSpec s : specs) {
      tagsByHash.computeIfAbsent(s.spec().get("hash").asText(), h -> new TreeSet<>()).add(s.tag());
    }
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @Test
  void aHundredSpecsWithTheirTagsTakeOneSearchForThePageAndOneForEveryTag() throws IOException {
    long before = index.searchesRun();
    JsonNode result =
        JSON.readTree(
            JSON.writeValueAsString(
                api.execute("{ search(first: 100, sort: HASH) { nodes { hash tag tags } } }")
                    .toSpecification()));
    long searches = index.searchesRun() - before;

    // The first 100 (hash, tag) documents in hash order, from the files.
    List<String> expectedHashes =
        tagsByHash.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(t -> e.getKey()))
            .limit(100)
            .toList();
    JsonNode nodes = result.get("data").get("search").get("nodes");
    List<String> hashes = new ArrayList<>();
    int inSeveralTags = 0;
    for (JsonNode node : nodes) {
      String hash = node.get("hash").asText();
      hashes.add(hash);
      List<String> tags = new ArrayList<>();
      node.get("tags").forEach(t -> tags.add(t.asText()));
      assertEquals(List.copyOf(tagsByHash.get(hash)), tags, node.toString());
      inSeveralTags += tags.size() > 1 ? 1 : 0;
    }
    assertEquals(expectedHashes, hashes);
    assertEquals(
        expectedHashes.stream().filter(h -> tagsByHash.get(h).size() > 1).count(), inSeveralTags);
    assertEquals(2, searches);
  }

  @Test
  void aSpecByHashAndItsTagsTakeOneSearchEach() {
    long before = index.searchesRun();
    var result = api.execute("{ spec(hash: \"zjpj5ait7gfxsoiotbyjcorlyq5pjxdw\") { tag tags } }");

    assertEquals(
        Map.of(
            "spec",
            Map.of(
                "tag",
                "develop",
                "tags",
                List.of("develop", "develop-2025-03-30", "develop-copy"))),
        result.getData());
    assertEquals(2, index.searchesRun() - before);
  }
}
