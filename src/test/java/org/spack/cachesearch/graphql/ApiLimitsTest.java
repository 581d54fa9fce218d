package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQL;
import graphql.language.DirectiveDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.TestIndex;

/** The limits a request's document is held to, each refused with a LIMIT error naming it. */
class ApiLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = "src/main/resources/sample";

  @TempDir static Path tmp;
  private static SearchIndex index;
  private static GraphQL standard;

  @BeforeAll
  static void serveTheSample() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), Path.of(SAMPLE));
    standard = SpackApi.build(index);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  private static JsonNode run(GraphQL api, String document) {
    try {
      return JSON.readTree(JSON.writeValueAsString(api.execute(document).toSpecification()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default limits with one changed, e.g. {@code limits(4, 2)}: at most 2 aliases. */
  private static GraphQL withLimit(int component, int value) {
    int[] v = {100_000, 15_000, 50_000, 100, 100, 20, 15, 20_000};
    v[component] = value;
    return SpackApi.build(index, new ApiLimits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
  }

  private static String limitError(String message) {
    return "{\"errors\": [{\"message\": \"%s\", \"extensions\": {\"classification\": \"LIMIT\"}}]}"
        .formatted(message);
  }

  private static void assertLimit(GraphQL api, String message, String document) {
    assertEquals(json(limitError(message)), run(api, document));
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertEquals(
        new ApiLimits(100_000, 15_000, 50_000, 100, 100, 20, 15, 20_000), ApiLimits.DEFAULT);
  }

  @Test
  void aLimitMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ApiLimits(1, 1, 1, 1, 0, 1, 1, 1));
    assertEquals("maxAliases must be positive: 0", e.getMessage());
  }

  @Test
  void aDocumentOverTheCharacterLimitNamesItsLength() {
    assertLimit(
        withLimit(0, 60),
        "document is 70 characters long; the limit is 60",
        "{ tags { name } }" + "#".repeat(53));
  }

  @Test
  void aDocumentOverTheTokenLimitNamesTheLimit() {
    assertLimit(
        withLimit(1, 12),
        "document has more than 12 tokens; the limit is 12",
        "{search(filter:{os:[\"a\",\"b\",\"c\"]}){totalCount}}");
  }

  @Test
  void commentsAreCountedApartAgainstTheTokenLimit() {
    GraphQL api = withLimit(1, 12);
    assertEquals(
        json("{\"data\": {\"stats\": {\"numSpecs\": 905}}}"),
        run(api, "{ stats { numSpecs } }" + "\n#".repeat(12)));
    assertLimit(
        api,
        "document has more than 12 tokens; the limit is 12",
        "{ stats { numSpecs } }" + "\n#".repeat(13));
  }

  @Test
  void aDocumentOverTheWhitespaceLimitNamesTheLimit() {
    assertLimit(
        withLimit(2, 8),
        "document has more than 8 whitespace tokens; the limit is 8",
        "{tags{name}}" + " ".repeat(9));
  }

  @Test
  void aDocumentNestedTooDeepForTheParserNamesTheLimit() {
    assertLimit(
        withLimit(3, 20),
        "document nests deeper than 20 grammar rules; the limit is 20",
        "{ search(query: [[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]) { totalCount } }");
  }

  @Test
  void aSyntaxErrorUnderTheLimitsIsStillASyntaxError() {
    assertEquals(
        "InvalidSyntax",
        run(withLimit(1, 12), "{ tags {").at("/errors/0/extensions/classification").asText());
  }

  @Test
  void aliasesUpToTheLimitRunAndOneMoreIsRefused() {
    GraphQL api = withLimit(4, 2);
    assertEquals(
        json("{\"data\": {\"a\": {\"numSpecs\": 905}, \"b\": {\"numSpecs\": 905}}}"),
        run(api, "{ a: stats { numSpecs } b: stats { numSpecs } }"));
    assertLimit(
        api,
        "query has 3 aliases; the limit is 2",
        "{ a: stats { c: numSpecs } b: stats { numSpecs } }");
  }

  @Test
  void rootFieldsAreCountedThroughFragmentsAtEverySpread() {
    assertLimit(
        withLimit(5, 3),
        "query selects 4 root fields; the limit is 3",
        "{ ...F ... on Query { ...F } } fragment F on Query { stats { numSpecs } tags { name } }");
  }

  @Test
  void aFragmentCycleIsLeftForValidationToReport() {
    assertEquals(
        "ValidationError",
        run(standard, "{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }")
            .at("/errors/0/extensions/classification")
            .asText());
  }

  @Test
  void aQueryTooDeepNamesItsDepth() {
    assertLimit(
        withLimit(6, 4),
        "query is 5 fields deep; the limit is 4",
        "{ search { nodes { dependencies { spec { hash } } } } }");
  }

  @Test
  void aFirstOverItsCapIsLeftToItsRangeCheckRatherThanTheCost() {
    assertEquals(
        json(
            """
            {"data": null, "errors": [{
              "message": "first is 100000 but a page holds 1 to 100 items; page with `after`",
              "locations": [{"line": 1, "column": 3}], "path": ["search"],
              "extensions": {"classification": "LIMIT"}}]}
            """),
        run(standard, "{ search(first: 100000) { nodes { hash package tag os } } }"));
  }

  @Test
  void facetsCostTheirLimitTimesTheFieldsCounted() {
    // Each facet costs 3 (values, value, count): 1 + 1000 values x 7 fields x 3.
    assertLimit(
        standard,
        "query costs 21001; the limit is 20000",
        "{ facets(fields: [PACKAGE, TAG, COMPILER, OS, PLATFORM, TARGET, ARCH], limit: 1000)"
            + " { values { value count } } }");
  }

  @Test
  void deferIsRefusedExactlyAsAnUnknownDirectiveIs() {
    String unknown = "{ search { nodes { ... @nope { hash } } } }";
    String defer = unknown.replace("nope", "defer");

    assertEquals(
        run(standard, unknown).toString().replace("nope", "defer"),
        run(standard, defer).toString());
    assertEquals(
        "Validation error (UnknownDirective@[search/nodes]) : Unknown directive 'defer'",
        run(standard, defer).at("/errors/0/message").asText());
  }

  @Test
  void theErrorPropagationDirectiveIsRefusedExactlyAsAnUnknownDirectiveIs() {
    String unknown = "query @nope { stats { numSpecs } }";
    String experimental = unknown.replace("nope", "experimental_disableErrorPropagation");

    assertEquals(
        run(standard, unknown).toString().replace("nope", "experimental_disableErrorPropagation"),
        run(standard, experimental).toString());
  }

  @Test
  void introspectionListsTheSpecsDirectivesOnlyAsTheSchemaFileDeclaresNoneOfItsOwn() {
    assertEquals(
        List.of(),
        Parser.parse(SpackApi.schemaText()).getDefinitionsOfType(DirectiveDefinition.class));
    JsonNode directives = run(standard, "{ __schema { directives { name } } }");
    assertEquals(
        json(
            """
            {"data": {"__schema": {"directives": [
              {"name": "include"}, {"name": "skip"}, {"name": "deprecated"},
              {"name": "specifiedBy"}, {"name": "oneOf"}]}}}
            """),
        directives);
  }

  @Test
  void aRequestWhoseSearchesRanOutOfTimeIsFlaggedPartial() throws IOException {
    try (SearchIndex late =
        SearchIndex.open(
            tmp.resolve("index"), Limits.DEFAULT.withTimeout(Duration.ZERO), Duration.ofHours(1))) {
      assertEquals(
          json(
              "{\"data\": {\"search\": {\"nodes\": []}}, \"extensions\": {\"partial\": true,"
                  + " \"partialReason\": \"searching stopped at the time limit of 0 ms: counts and"
                  + " pages may be missing matches; narrow the query\"}}"),
          run(SpackApi.build(late), "{ search { nodes { hash } } }"));
    }
  }

  @Test
  void aRequestWithinItsTimeHasNoExtensions() {
    assertEquals(
        json("{\"data\": {\"search\": {\"totalCount\": 905}}}"),
        run(standard, "{ search { totalCount } }"));
  }
}
