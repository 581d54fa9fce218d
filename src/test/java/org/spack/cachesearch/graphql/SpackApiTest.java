package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.TestIndex;

class SpackApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static GraphQL api;

  @BeforeAll
  static void ingestCorpus() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), Corpus.cacheTree());
    api = SpackApi.build(index);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  /** The result as a client parses it: JSON text read back, so a Long reads as any number. */
  private static JsonNode run(GraphQL graphQL, String document) {
    try {
      return JSON.readTree(JSON.writeValueAsString(graphQL.execute(document).toSpecification()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode run(String document) {
    return run(api, document);
  }

  /** Runs {@code document} and compares the whole result with {@code expected}. */
  private static void assertResult(String expected, String document) throws IOException {
    assertEquals(JSON.readTree(expected), run(document));
  }

  @Test
  void theExecutableSchemaBuildsFromTheFileAndTheWiring() {
    GraphQLSchema schema = SpackApi.schema();

    assertEquals(
        List.of(
            "explain",
            "facets",
            "microarchitectures",
            "package",
            "packages",
            "search",
            "spec",
            "stats",
            "tags"),
        schema.getQueryType().getFieldDefinitions().stream()
            .map(GraphQLFieldDefinition::getName)
            .sorted()
            .toList());
  }

  @Test
  void introspectionServesTheSchemaFileDescriptionsIncluded() throws IOException {
    ExecutionResult result =
        api.execute(
            IntrospectionQueryBuilder.build(
                IntrospectionQueryBuilder.Options.defaultOptions().specifiedByUrl(true)));
    assertEquals(List.of(), result.getErrors());
    Document served = new IntrospectionResultToSchema().createSchemaDefinition(result);
    SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions());

    assertEquals(
        printer.print(
            UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(SpackApi.schemaText()))),
        printer.print(
            UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().buildRegistry(served))));
    // The printer leaves out the schema's own description, which introspection serves too.
    assertEquals(
        SpackApi.schema().getDescription(),
        run("{ __schema { description } }").at("/data/__schema/description").asText());
  }

  @Test
  void aPackageIsSummarisedWithItsFirstSpecsByHash() throws IOException {
    assertResult(
        """
        {"data": {"package": {
          "name": "py-filelock", "tag": "develop", "numSpecs": 124, "versions": ["3.12.4"],
          "compilers": ["apple-clang@16.0.0", "gcc@11.4.0", "gcc@13.2.0", "gcc@7.5.0",
                        "gcc@9.4.0", "oneapi@2024.2.1"],
          "oss": ["sequoia", "ubuntu18.04", "ubuntu20.04", "ubuntu22.04", "ubuntu24.04"],
          "platforms": ["darwin", "linux"],
          "targets": ["aarch64", "neoverse_v1", "neoverse_v2", "ppc64le", "x86_64_v3"],
          "stacks": ["e4s", "e4s-neoverse-v2", "e4s-neoverse_v1", "e4s-oneapi", "e4s-power",
                     "ml-darwin-aarch64-mps", "ml-linux-aarch64-cpu", "ml-linux-aarch64-cuda",
                     "ml-linux-x86_64-cpu", "ml-linux-x86_64-cuda", "ml-linux-x86_64-rocm",
                     "radiuss", "root"],
          "numSpecsByStack": [
            {"stack": "e4s", "count": 19}, {"stack": "e4s-neoverse-v2", "count": 1},
            {"stack": "e4s-neoverse_v1", "count": 12}, {"stack": "e4s-oneapi", "count": 13},
            {"stack": "e4s-power", "count": 4}, {"stack": "ml-darwin-aarch64-mps", "count": 15},
            {"stack": "ml-linux-aarch64-cpu", "count": 24},
            {"stack": "ml-linux-aarch64-cuda", "count": 22},
            {"stack": "ml-linux-x86_64-cpu", "count": 24},
            {"stack": "ml-linux-x86_64-cuda", "count": 24},
            {"stack": "ml-linux-x86_64-rocm", "count": 12}, {"stack": "radiuss", "count": 12},
            {"stack": "root", "count": 124}],
          "otherTags": [],
          "specs": {"totalCount": 124,
                    "nodes": [{"hash": "2le7clpozbk73bii2o75wtxc45r37ng3"},
                              {"hash": "2llnbfxmlzepbuafnpcrobmlgcjreq4n"}],
                    "pageInfo": {"hasNextPage": true, "hasPreviousPage": false}}},
          "absent": null}}
        """,
        """
        { package(name: "py-filelock") {
            name tag numSpecs versions compilers oss platforms targets stacks
            numSpecsByStack { stack count } otherTags
            specs(first: 2) { totalCount nodes { hash } pageInfo { hasNextPage hasPreviousPage } }
          }
          absent: package(name: "py-filelock", tag: "v0.23.0") { name } }
        """);
  }

  @Test
  void aSpecIsFoundByASevenCharacterPrefixWithEveryTagThatHoldsIt() throws IOException {
    assertResult(
        """
        {"data": {"spec": {
          "hash": "zjpj5ait7gfxsoiotbyjcorlyq5pjxdw", "package": "aida", "tag": "develop",
          "tags": ["develop", "develop-2025-03-30"], "versions": ["3.2.1"],
          "compiler": {"name": "none", "version": "", "raw": "none"},
          "os": "ubuntu22.04", "platform": "linux", "target": "x86_64_v3",
          "arch": "linux-ubuntu22.04-x86_64_v3",
          "variants": [{"raw": "build_system=generic", "name": "build_system",
                        "values": ["generic"]}],
          "stacks": ["hep", "root"], "size": null,
          "installCommand": "spack install /zjpj5ait7gfxsoiotbyjcorlyq5pjxdw",
          "specString": "aida@3.2.1 build_system=generic arch=linux-ubuntu22.04-x86_64_v3",
          "extra": []},
          "snapshot": {"tag": "develop-2025-03-30"},
          "release": {
            "specString": "bc@1.07.1%gcc@11.4.0 build_system=autotools arch=linux-ubuntu22.04-x86_64_v3",
            "extra": [{"name": "tarball", "json": "\\"https://binaries.spack.io/v0.23.0/build_cache/linux-ubuntu22.04-x86_64_v3/gcc-11.4.0/bc-1.07.1/linux-ubuntu22.04-x86_64_v3-gcc-11.4.0-bc-1.07.1-jasonjuuhs7lgkf5ojybu2sxxalclmxa.spack\\""}]}}}
        """,
        """
        { spec(hash: "zjpj5ai") {
            hash package tag tags versions compiler { name version raw } os platform target arch
            variants { raw name values } stacks size installCommand specString extra { name json }
          }
          snapshot: spec(hash: "zjpj5ai", tag: "develop-2025-03-30") { tag }
          release: spec(hash: "jasonju") { specString extra { name json } } }
        """);
  }

  @Test
  void facetsOfAFilteredFieldListEveryValueAndTheOthersHonourTheFilter() throws IOException {
    assertResult(
        """
        {"data": {"facets": [
          {"field": "TARGET", "otherCount": 7, "values": [
            {"value": "x86_64_v3", "count": 622}, {"value": "aarch64", "count": 119},
            {"value": "ppc64le", "count": 49}]},
          {"field": "COMPILER", "otherCount": 4, "values": [
            {"value": "apple-clang@16.0.0", "count": 32}, {"value": "gcc@7.3.1", "count": 28},
            {"value": "gcc@13.2.0", "count": 24}]}]}}
        """,
        """
        { facets(fields: [TARGET, COMPILER], filter: {target: ["aarch64"]}, limit: 3) {
            field values { value count } otherCount } }
        """);
  }

  @Test
  void aPackagesSpecsStayWithinThePackageWhateverTheFilterSays() throws IOException {
    assertResult(
        """
        {"data": {"package": {
          "own": {"totalCount": 124},
          "other": {"totalCount": 0},
          "e4s": {"totalCount": 19},
          "notDarwin": {"totalCount": 109}}}}
        """,
        """
        { package(name: "py-filelock") {
            own: specs(filter: {package: ["py-filelock"]}) { totalCount }
            other: specs(filter: {package: ["yoda"]}) { totalCount }
            e4s: specs(filter: {stack: ["e4s"]}) { totalCount }
            notDarwin: specs(query: "-platform:darwin") { totalCount } } }
        """);
  }

  @Test
  void searchPagesContinueAfterTheEndCursor() throws IOException {
    String query = "search(query: \"compiler:gcc* AND target:aarch64\", sort: HASH, first: 2";
    JsonNode first = run("{ " + query + ") { totalCount nodes { hash } pageInfo { endCursor } } }");
    String after = first.at("/data/search/pageInfo/endCursor").asText();

    assertResult(
        """
        {"data": {"search": {"totalCount": 80,
          "nodes": [{"hash": "2pgn4fnjon67hk6potolw3ingkm7ghin"},
                    {"hash": "2r7orhwvk5govnxjj2ou2iqvwbnernca"}],
          "pageInfo": {"hasPreviousPage": true}}}}
        """,
        "{ "
            + query
            + ", after: \""
            + after
            + "\") { totalCount nodes { hash } pageInfo { hasPreviousPage } } }");
  }

  @Test
  void packageRowsArePagedInTheRequestedOrderCountingOnlyFilteredSpecs() throws IOException {
    String rows = "packages(first: 3, filter: {stack: [\"e4s\"]}, sort: SPECS";
    JsonNode first =
        run(
            "{ "
                + rows
                + ") { totalCount nodes { name tag numSpecs } pageInfo { hasNextPage endCursor } } }");
    String after = first.at("/data/packages/pageInfo/endCursor").asText();

    assertEquals(
        JSON.readTree(
            """
            {"data": {"packages": {"totalCount": 23,
              "nodes": [{"name": "py-filelock", "tag": "develop", "numSpecs": 19},
                        {"name": "drishti", "tag": "develop", "numSpecs": 12},
                        {"name": "at-spi2-atk", "tag": "develop", "numSpecs": 10}],
              "pageInfo": {"hasNextPage": true, "endCursor": "%s"}}}}
            """
                .formatted(after)),
        first);
    assertResult(
        """
        {"data": {"packages": {"nodes": [{"name": "dxt-explorer", "numSpecs": 10},
                                         {"name": "archer", "numSpecs": 9}],
                               "pageInfo": {"hasPreviousPage": true}}}}
        """,
        "{ "
            + rows.replace("first: 3", "first: 2")
            + ", after: \""
            + after
            + "\") { nodes { name numSpecs } pageInfo { hasPreviousPage } } }");
  }

  @Test
  void tagsAndStatsDescribeTheWholeIndex() throws IOException {
    assertResult(
        """
        {"data": {
          "tags": [{"name": "develop", "numPackages": 58, "numSpecs": 879},
                   {"name": "develop-2025-03-23", "numPackages": 1, "numSpecs": 2},
                   {"name": "develop-2025-03-30", "numPackages": 2, "numSpecs": 3},
                   {"name": "v0.23.0", "numPackages": 12, "numSpecs": 21}],
          "stats": {"numSpecs": 905, "numPackages": 59, "numTags": 4, "schemaVersion": 7}}}
        """,
        "{ tags { name numPackages numSpecs } stats { numSpecs numPackages numTags schemaVersion } }");
  }

  @Test
  void microarchitecturesAreArchspecsNamesSortedFromWhichACpuChooserCanOffer() {
    JsonNode names = run("{ microarchitectures }").at("/data/microarchitectures");
    List<String> zen = new ArrayList<>();
    for (JsonNode name : names) {
      if (name.asText().startsWith("zen")) {
        zen.add(name.asText());
      }
    }

    assertEquals(78, names.size());
    assertEquals("a64fx", names.get(0).asText());
    assertEquals(List.of("zen", "zen2", "zen3", "zen4", "zen5"), zen);
  }

  @Test
  void unknownFieldsBadCursorsAndShortHashesAreClassifiedUserErrors() throws IOException {
    assertResult(
        """
        {"data": {"spec": null}, "errors": [
          {"message": "a hash is 7 to 32 characters of a-z and 2-7, not 'zjpj5'",
           "locations": [{"line": 1, "column": 3}], "path": ["spec"],
           "extensions": {"classification": "BAD_ARGUMENT"}}]}
        """,
        "{ spec(hash: \"zjpj5\") { hash } }");
    assertEquals(
        List.of("UNKNOWN_FIELD", "BAD_CURSOR"),
        List.of(
            run("{ search(query: \"name:zlib\") { totalCount } }")
                .at("/errors/0/extensions/classification")
                .asText(),
            run("{ search(after: \"bm90IGEgY3Vyc29y\") { totalCount } }")
                .at("/errors/0/extensions/classification")
                .asText()));
  }

  @Test
  void badLuceneSyntaxIsAQuerySyntaxErrorWithItsColumn() throws IOException {
    assertResult(
        """
        {"data": null, "errors": [{
          "message": "query syntax error at column 14: the query ends too early",
          "locations": [{"line": 1, "column": 3}], "path": ["search"],
          "extensions": {"classification": "QUERY_SYNTAX", "column": 14}}]}
        """,
        "{ search(query: \"compiler:(gcc\") { totalCount } }");
  }

  @Test
  void aPageOverTheCapIsALimitErrorThatNamesTheCap() throws IOException {
    assertResult(
        """
        {"data": null, "errors": [{
          "message": "first is 1000 but a page holds 1 to 100 items; page with `after`",
          "locations": [{"line": 1, "column": 3}], "path": ["search"],
          "extensions": {"classification": "LIMIT"}}]}
        """,
        "{ search(first: 1000) { totalCount } }");
  }

  @Test
  void anExplicitNullForAnArgumentWithADefaultIsABadArgument() throws IOException {
    assertResult(
        """
        {"data": null, "errors": [
          {"message": "tag must not be null; leave it out for its default",
           "locations": [{"line": 1, "column": 3}], "path": ["a"],
           "extensions": {"classification": "BAD_ARGUMENT"}},
          {"message": "first must not be null; leave it out for its default",
           "locations": [{"line": 1, "column": 48}], "path": ["b"],
           "extensions": {"classification": "BAD_ARGUMENT"}},
          {"message": "first must not be null; leave it out for its default",
           "locations": [{"line": 1, "column": 86}], "path": ["c"],
           "extensions": {"classification": "BAD_ARGUMENT"}},
          {"message": "first must not be null; leave it out for its default",
           "locations": [{"line": 1, "column": 160}], "path": ["d", "specs"],
           "extensions": {"classification": "BAD_ARGUMENT"}},
          {"message": "limit must not be null; leave it out for its default",
           "locations": [{"line": 1, "column": 196}], "path": ["e"],
           "extensions": {"classification": "BAD_ARGUMENT"}}]}
        """,
        "{ a: package(name: \"zlib\", tag: null) { name } b: search(first: null) { totalCount }"
            + " c: packages(first: null) { totalCount } d: package(name: \"py-filelock\") {"
            + " specs(first: null) { totalCount } } e: facets(fields: [TARGET], limit: null) {"
            + " otherCount } }");
  }

  @Test
  void aQueryDeeperThanFifteenIsRejectedBeforeItRuns() throws IOException {
    assertResult(
        """
        {"errors": [{"message": "query is 16 fields deep; the limit is 15",
                     "extensions": {"classification": "LIMIT"}}]}
        """,
        typeQueryOfDepth(16));
    assertEquals(false, run(typeQueryOfDepth(15)).has("errors"));
  }

  /** {@code __schema { types { fields { type { ofType { ... name } } } } }}, nested so deep. */
  private static String typeQueryOfDepth(int depth) {
    int ofTypes = depth - 5;
    return "{ __schema { types { fields { type { "
        + "ofType { ".repeat(ofTypes)
        + "name"
        + " }".repeat(ofTypes)
        + " } } } } }";
  }

  @Test
  void aQueryCostlierThanTheCapIsRejectedBeforeItRuns() throws IOException {
    assertResult(
        """
        {"errors": [{"message": "query costs 20201; the limit is 20000",
                     "extensions": {"classification": "LIMIT"}}]}
        """,
        "{ packages(first: 100) { nodes { specs(first: 100) { nodes { hash } } } } }");
  }

  /** Targets a zen3 CPU runs, from archspec's table (zen3, its ancestors, generic x86_64). */
  private static final Set<String> ZEN3 =
      Set.of("zen3", "zen2", "zen", "x86_64_v3", "x86_64_v2", "x86_64");

  @Test
  void aPackagesSpecsTakeASpecAndACpu() {
    long expected =
        Corpus.rawSpecs(Corpus.cacheTree()).stream()
            .filter(s -> s.tag().equals("develop") && s.name().equals("py-filelock"))
            .map(RawSpec::spec)
            .filter(s -> s.get("compiler").asText().matches("gcc@=?(1[3-9]|[2-9]\\d)\\..*"))
            .filter(s -> ZEN3.contains(s.get("target").asText()))
            .count();

    JsonNode result =
        run(
            "{ package(name: \"py-filelock\") { specs(spec: \"%gcc@13:\", compatibleWith: \"zen3\")"
                + " { totalCount } } }");

    assertEquals(expected, result.at("/data/package/specs/totalCount").asLong());
    assertEquals(24, expected);
  }

  @Test
  void facetValuesCanBeSearchedByWhatTheyContain() {
    Map<String, Integer> expected = new TreeMap<>();
    for (RawSpec s : Corpus.rawSpecs(Corpus.cacheTree())) {
      Set<String> values = new TreeSet<>();
      for (JsonNode v : s.spec().get("variants")) {
        String raw = v.asText();
        String normal =
            raw.startsWith("+")
                ? raw.substring(1) + "=true"
                : raw.startsWith("~") ? raw.substring(1) + "=false" : raw.replace(":=", "=");
        if (normal.contains("openmp")) {
          values.add(normal);
        }
      }
      values.forEach(v -> expected.merge(v, 1, Integer::sum));
    }

    JsonNode result =
        run(
            "{ facets(fields: [VARIANT], contains: \"openmp\", limit: 100) { values { value count } } }");
    Map<String, Integer> counted = new TreeMap<>();
    result
        .at("/data/facets/0/values")
        .forEach(v -> counted.put(v.get("value").asText(), v.get("count").asInt()));

    assertEquals(expected, counted);
    assertEquals(Map.of("openmp=false", 4, "openmp=true", 32, "threads=openmp", 7), counted);
  }

  @Test
  void anUnexpectedFailureIsAnInternalErrorWithoutDetails() throws IOException {
    SearchIndex closed =
        SearchIndex.open(tmp.resolve("index"), Limits.DEFAULT, Duration.ofHours(1));
    GraphQL broken = SpackApi.build(closed);
    closed.close();
    Logger log = Logger.getLogger(ErrorClassifier.class.getName());
    Level level = log.getLevel();
    log.setLevel(Level.OFF); // the failure is expected: keep its stack trace out of the output
    try {
      assertEquals(
          JSON.readTree(
              """
              {"data": null, "errors": [{"message": "internal error",
                "locations": [{"line": 1, "column": 3}], "path": ["stats"],
                "extensions": {"classification": "INTERNAL"}}]}
              """),
          run(broken, "{ stats { numSpecs } }"));
    } finally {
      log.setLevel(level);
    }
  }
}
