package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.TestIndex;

/**
 * Every GraphQL example in the README, run against the bundled sample it was written on, answers
 * exactly the JSON printed under it (as a tree: the HTTP layer fixes the key order).
 */
class ReadmeExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXAMPLE =
      Pattern.compile("```graphql\\n(.*?)```\\n```json\\n(.*?)```", Pattern.DOTALL);
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static GraphQL api;

  @BeforeAll
  static void ingestTheBundledSample() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), Path.of("src/main/resources/sample"));
    api = SpackApi.build(index);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeExampleAnswersWhatTheReadmeShows() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher m = EXAMPLE.matcher(readme);
    List<DynamicTest> tests = new ArrayList<>();
    while (m.find()) {
      String document = m.group(1);
      String expected = m.group(2);
      tests.add(
          DynamicTest.dynamicTest(
              document.strip().lines().findFirst().orElse(""),
              () ->
                  assertEquals(
                      JSON.readTree(expected),
                      JSON.readTree(
                          JSON.writeValueAsString(api.execute(document).toSpecification())))));
    }
    assertTrue(tests.size() >= 8, "found " + tests.size() + " examples");
    return tests.stream();
  }
}
