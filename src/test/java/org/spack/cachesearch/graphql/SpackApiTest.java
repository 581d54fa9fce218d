package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.search.SearchIndex;

class SpackApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static GraphQL api;

  @BeforeAll
  static void ingestCorpus() throws IOException {
    Path dir = tmp.resolve("index");
    new IngestRun(IngestRun.Options.of(List.of(Corpus.cacheTree()), dir), IngestProgress.NONE)
        .run();
    index = new SearchIndex(dir, SearchIndex.Limits.DEFAULT, Duration.ofHours(1));
    api = SpackApi.build(index);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static JsonNode run(String query) {
    var result = api.execute(ExecutionInput.newExecutionInput().query(query).build());
    return JSON.valueToTree(result.toSpecification());
  }

  @Test
  void smoke() {
    System.out.println(
        run("{ search(query: \"compiler:gcc* AND target:aarch64\", first: 2) { totalCount edges { cursor node { hash package tag specString installCommand compiler { name version raw } variants { raw name values } tags } } pageInfo { hasNextPage endCursor } } }")
            .toPrettyString());
    System.out.println(
        run("{ facets(fields: [TARGET, COMPILER], filter: {target: [\"aarch64\"]}, limit: 3) { field values { value count } otherCount } }")
            .toPrettyString());
    System.out.println(
        run("{ package(name: \"py-filelock\") { name tag numSpecs versions compilers oss targets stacks numSpecsByStack { stack count } otherTags specs(first: 1) { totalCount nodes { hash } } } }")
            .toPrettyString());
    System.out.println(
        run("{ tags { name numPackages numSpecs stacks } stats { numSpecs numPackages numTags indexSizeBytes builtAt builtFrom schemaVersion } }")
            .toPrettyString());
    System.out.println(
        run("{ packages(first: 3, filter: {stack: [\"e4s\"]}) { totalCount nodes { name tag numSpecs } pageInfo { hasNextPage endCursor } } }")
            .toPrettyString());
    System.out.println(
        run("{ spec(hash: \"2le7clp\") { hash package tag tags } a: search(query: \"foo:bar\") { totalCount } b: search(query: \"compiler:(gcc\") { totalCount } c: search(first: 1000) { totalCount } }")
            .toPrettyString());
    assertEquals(1, 1);
  }
}
