package org.spack.cachesearch.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

/**
 * The API over build-cache indexes, whole JSON answers: Spack's v2 test mirror (tag spack-v2) and
 * the generated index (tag generated) in one index. Expected values are read from the JSON files
 * here with plain Jackson, or written by hand from them.
 */
class BuildCacheApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPACK_V2 =
      Path.of("src/test/resources/buildcache/v2_layout/unsigned/build_cache/index.json");
  private static final Path LEGACY =
      Path.of("src/test/resources/buildcache/legacy_yaml/build_cache/index.json");
  private static final Path GENERATED =
      Path.of("src/test/resources/buildcache/generated/index.json");
  private static final Set<String> FLAGS =
      Set.of("cflags", "cxxflags", "fflags", "cppflags", "ldflags", "ldlibs");
  private static final String SPEC_FIELDS =
      "hash package tag versions compiler { name version raw } os platform target arch"
          + " variants { raw name value values } stacks size extra { name json }";

  @TempDir static Path tmp;
  private static SearchIndex index;
  private static GraphQL api;
  private static JsonNode spackRecords;
  private static JsonNode generatedRecords;

  @BeforeAll
  static void ingestBothCaches() throws IOException {
    Path dir = tmp.resolve("index");
    List<IngestRun.BuildCache> caches =
        List.of(
            new IngestRun.BuildCache(SPACK_V2.toString(), "spack-v2", null),
            new IngestRun.BuildCache(LEGACY.toString(), "legacy", null),
            new IngestRun.BuildCache(GENERATED.toString(), "generated", null));
    IngestSummary summary =
        new IngestRun(
                new IngestRun.Options(List.of(), caches, dir, false, false, 2), IngestProgress.NONE)
            .run();
    assertEquals(List.of(), summary.problems());
    index = SearchIndex.open(dir, Limits.DEFAULT, Duration.ofHours(1));
    api = SpackApi.build(index);
    spackRecords = JSON.readTree(SPACK_V2.toFile()).at("/database/installs");
    generatedRecords = JSON.readTree(GENERATED.toFile()).at("/database/installs");
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  private static JsonNode run(String document) throws IOException {
    return JSON.readTree(JSON.writeValueAsString(api.execute(document).toSpecification()));
  }

  private static void assertResult(String expected, String document) throws IOException {
    assertEquals(JSON.readTree(expected), run(document));
  }

  /** The hashes of the binaries ({@code in_buildcache} true) of a database, sorted. */
  private static List<String> binaries(JsonNode records) {
    List<String> hashes = new ArrayList<>();
    records
        .properties()
        .forEach(
            e -> {
              if (e.getValue().path("in_buildcache").asBoolean(false)) {
                hashes.add(e.getKey());
              }
            });
    hashes.sort(Comparator.naturalOrder());
    return hashes;
  }

  @Test
  void everyBinaryOfSpacksFixtureReadsAsItsJsonSaysWithNoSizeAndNoStacks() throws IOException {
    List<String> hashes = binaries(spackRecords);
    ArrayNode expected = JSON.createArrayNode();
    for (String hash : hashes) {
      JsonNode expectedSpec = expectedSpec(hash);
      expected.add(expectedSpec);
      assertEquals(
          JSON.createObjectNode().set("data", JSON.createObjectNode().set("spec", expectedSpec)),
          run("{ spec(hash: \"" + hash + "\") { " + SPEC_FIELDS + " } }"));
    }

    JsonNode search =
        run(
            "{ search(filter: {tag: [\"spack-v2\"]}, sort: HASH, first: 100) { totalCount nodes { "
                + SPEC_FIELDS
                + " } } }");
    assertEquals(6, hashes.size());
    assertEquals(6, search.at("/data/search/totalCount").asInt());
    assertEquals(expected, search.at("/data/search/nodes"));
  }

  @Test
  void theBinaryOfSpacksLegacyV6FixtureReadsAsItsJsonSays() throws IOException {
    // Database v6, spec file v2/v3: the compiler is the node's own {name, version}, the hash is
    // under _hash, the target an object.
    JsonNode records = JSON.readTree(LEGACY.toFile()).at("/database/installs");
    assertEquals(List.of("t5mczux3tfqpxwmg7egp7axy2jvyulqk"), binaries(records));
    JsonNode spec = records.get("t5mczux3tfqpxwmg7egp7axy2jvyulqk").get("spec");
    JsonNode compiler = spec.get("compiler");
    String raw = compiler.get("name").asText() + "@" + compiler.get("version").asText();
    List<String> variants = new ArrayList<>();
    new TreeMap<>(toMap(spec.get("parameters")))
        .forEach(
            (name, value) -> {
              if (!FLAGS.contains(name)) {
                variants.add((value.asBoolean() ? "+" : "~") + name);
              }
            });

    JsonNode result =
        run(
            "{ search(filter: {tag: [\"legacy\"]}) { totalCount nodes { package versions target"
                + " os compiler { raw } variants { raw } } } }");

    assertEquals(1, result.at("/data/search/totalCount").asInt());
    JsonNode node = result.at("/data/search/nodes/0");
    assertEquals(spec.get("name").asText(), node.get("package").asText());
    assertEquals(List.of(spec.get("version").asText()), strings(node.get("versions")));
    assertEquals(spec.at("/arch/target/name").asText(), node.get("target").asText());
    assertEquals(spec.at("/arch/platform_os").asText(), node.get("os").asText());
    assertEquals(raw, node.at("/compiler/raw").asText());
    List<String> shown = new ArrayList<>();
    node.get("variants").forEach(v -> shown.add(v.get("raw").asText()));
    assertEquals(variants, shown);
    assertEquals(List.of("+optimize", "+pic", "+shared"), shown);
    assertEquals("gcc@4.5.0", raw);
  }

  private static Map<String, JsonNode> toMap(JsonNode object) {
    Map<String, JsonNode> out = new TreeMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** What the API should say of one binary of Spack's fixture, from its record alone. */
  private static JsonNode expectedSpec(String hash) {
    JsonNode spec = spackRecords.get(hash).get("spec");
    JsonNode arch = spec.get("arch");
    JsonNode target = arch.get("target");
    String targetName = target.isObject() ? target.get("name").asText() : target.asText();
    ObjectNode out = JSON.createObjectNode();
    out.put("hash", hash);
    out.put("package", spec.get("name").asText());
    out.put("tag", "spack-v2");
    out.set("versions", JSON.createArrayNode().add(spec.get("version").asText()));
    out.set("compiler", expectedCompiler(spec));
    out.put("os", arch.get("platform_os").asText());
    out.put("platform", arch.get("platform").asText());
    out.put("target", targetName);
    out.put(
        "arch",
        arch.get("platform").asText() + "-" + arch.get("platform_os").asText() + "-" + targetName);
    out.set("variants", expectedVariants(spec.get("parameters")));
    out.set("stacks", JSON.createArrayNode());
    out.putNull("size");
    ObjectNode namespace = JSON.createObjectNode();
    namespace.put("name", "namespace");
    namespace.put("json", "\"" + spec.get("namespace").asText() + "\"");
    out.set("extra", JSON.createArrayNode().add(namespace));
    return out;
  }

  /**
   * Spec file v4 names the compiler in {@code annotations.compiler}; v5 makes it the dependency
   * providing c (else cxx, else fortran); a node with neither has compiler none.
   */
  private static JsonNode expectedCompiler(JsonNode spec) {
    String raw = spec.at("/annotations/compiler").asText("none");
    if (raw.equals("none")) {
      for (String language : List.of("c", "cxx", "fortran")) {
        for (JsonNode edge : spec.path("dependencies")) {
          if (raw.equals("none") && strings(edge.at("/parameters/virtuals")).contains(language)) {
            JsonNode dep = spackRecords.get(edge.get("hash").asText()).get("spec");
            raw = dep.get("name").asText() + "@" + dep.get("version").asText();
          }
        }
      }
    }
    int at = raw.indexOf('@');
    ObjectNode compiler = JSON.createObjectNode();
    compiler.put("name", at < 0 ? raw : raw.substring(0, at));
    compiler.put("version", at < 0 ? "" : raw.substring(at + 1).replace("=", ""));
    compiler.put("raw", raw);
    return compiler;
  }

  /** The parameters other than compiler flags, by name, as Spack prints variants. */
  private static ArrayNode expectedVariants(JsonNode parameters) {
    ArrayNode variants = JSON.createArrayNode();
    Map<String, JsonNode> byName = new TreeMap<>();
    parameters
        .properties()
        .forEach(
            p -> {
              if (!FLAGS.contains(p.getKey())) {
                byName.put(p.getKey(), p.getValue());
              }
            });
    byName.forEach(
        (name, value) -> {
          ObjectNode v = JSON.createObjectNode();
          List<String> values =
              value.isArray()
                  ? List.copyOf(new TreeSet<>(strings(value)))
                  : List.of(value.asText());
          String joined = String.join(",", values);
          String raw =
              value.isBoolean()
                  ? (value.asBoolean() ? "+" : "~") + name
                  : name + (value.isArray() ? ":=" : "=") + joined;
          v.put("raw", raw);
          v.put("name", name);
          v.put("value", joined);
          ArrayNode array = v.putArray("values");
          values.forEach(array::add);
          variants.add(v);
        });
    return variants;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void theDependenciesOfABinaryAreItsDirectEdgesWithTheSpecOfEachTheIndexHolds()
      throws IOException {
    assertResult(
        """
        {"data": {"spec": {"package": "libdwarf", "dependencies": [
          {"name": "compiler-wrapper", "version": "1.0", "hash": "qeehcxyvluwnihsc2qxstmpomtxo3lrc",
           "deptypes": ["build"], "virtuals": [], "external": false,
           "variants": [{"raw": "build_system=generic"}],
           "spec": {"hash": "qeehcxyvluwnihsc2qxstmpomtxo3lrc", "tag": "spack-v2"}},
          {"name": "gcc", "version": "10.2.1", "hash": "vd7v4ssgnoqdplgxyig3orum67n4vmhq",
           "deptypes": ["build"], "virtuals": ["c", "cxx"], "external": true,
           "variants": [{"raw": "build_system=generic"}, {"raw": "languages:=c,c++,fortran"}],
           "spec": null},
          {"name": "gcc-runtime", "version": "10.2.1", "hash": "izgzpzeljwairalfjm3k6fntbb64nt6n",
           "deptypes": ["link"], "virtuals": [], "external": false,
           "variants": [{"raw": "build_system=generic"}],
           "spec": {"hash": "izgzpzeljwairalfjm3k6fntbb64nt6n", "tag": "spack-v2"}},
          {"name": "libelf", "version": "0.8.13", "hash": "jr3yipyxyjulcdvckwwwjrrumis7glpa",
           "deptypes": ["build", "link"], "virtuals": [], "external": false,
           "variants": [{"raw": "build_system=generic"}],
           "spec": {"hash": "jr3yipyxyjulcdvckwwwjrrumis7glpa", "tag": "spack-v2"}}
        ]}}}
        """,
        """
        { spec(hash: "u5uz3dcch5if4eve4sef67o2rf2lbfgh") { package dependencies {
            name version hash deptypes virtuals external variants { raw } spec { hash tag } } } }
        """);
  }

  @Test
  void aBinaryWithoutDependenciesHasNoneAndADependencyOfTwoHasBothAsDependents()
      throws IOException {
    assertResult(
        """
        {"data": {
          "runtime": {"dependencies": [
            {"name": "gcc", "spec": null}],
            "dependents": {"totalCount": 2, "nodes": [
              {"hash": "u5uz3dcch5if4eve4sef67o2rf2lbfgh", "package": "libdwarf"},
              {"hash": "jr3yipyxyjulcdvckwwwjrrumis7glpa", "package": "libelf"}]}},
          "wrapper": {"dependencies": [],
            "dependents": {"totalCount": 2, "nodes": [
              {"hash": "u5uz3dcch5if4eve4sef67o2rf2lbfgh", "package": "libdwarf"},
              {"hash": "jr3yipyxyjulcdvckwwwjrrumis7glpa", "package": "libelf"}]}},
          "libelf": {"dependencies": [],
            "dependents": {"totalCount": 1, "nodes": [
              {"hash": "sk2gqqz4n5njmvktycnd25wq25jxiqkr", "package": "libdwarf"}]}},
          "top": {"dependents": {"totalCount": 0, "nodes": []}}
        }}
        """,
        """
        { runtime: spec(hash: "izgzpzeljwairalfjm3k6fntbb64nt6n") {
            dependencies { name spec { hash } } dependents { totalCount nodes { hash package } } }
          wrapper: spec(hash: "qeehcxy") {
            dependencies { name } dependents { totalCount nodes { hash package } } }
          libelf: spec(hash: "rqh2vuf") {
            dependencies { name } dependents { totalCount nodes { hash package } } }
          top: spec(hash: "u5uz3dc") { dependents { totalCount nodes { hash } } } }
        """);
  }

  @Test
  void theDependentsOfOpenmpiAreEveryGeneratedBinaryWithAnEdgeToItByPackage() throws IOException {
    String openmpi = hashOf(generatedRecords, "openmpi");
    Map<String, String> dependents = new TreeMap<>(); // package -> hash; one binary per package
    generatedRecords
        .properties()
        .forEach(
            e -> {
              for (JsonNode edge : e.getValue().at("/spec/dependencies")) {
                if (edge.get("hash").asText().equals(openmpi)) {
                  dependents.put(e.getValue().at("/spec/name").asText(), e.getKey());
                }
              }
            });
    ArrayNode firstFive = JSON.createArrayNode();
    dependents.entrySet().stream()
        .limit(5)
        .forEach(d -> firstFive.addObject().put("package", d.getKey()).put("hash", d.getValue()));

    JsonNode result =
        run(
            "{ spec(hash: \""
                + openmpi
                + "\") { dependents(first: 5) { totalCount nodes { package hash } } } }");

    assertEquals(47, dependents.size());
    assertEquals(47, result.at("/data/spec/dependents/totalCount").asInt());
    assertEquals(firstFive, result.at("/data/spec/dependents/nodes"));
  }

  private static String hashOf(JsonNode records, String name) {
    List<String> hashes = new ArrayList<>();
    records
        .properties()
        .forEach(
            e -> {
              if (e.getValue().at("/spec/name").asText().equals(name)) {
                hashes.add(e.getKey());
              }
            });
    assertEquals(1, hashes.size(), name);
    return hashes.get(0);
  }

  @Test
  void theVirtualFacetOfSpacksFixtureCountsWhatItsEdgesProvide() throws IOException {
    assertResult(
        """
        {"data": {"facets": [{"field": "VIRTUAL", "otherCount": 0, "values": [
          {"value": "c=gcc", "count": 2}, {"value": "cxx=gcc", "count": 1}]}]}}
        """,
        """
        { facets(filter: {tag: ["spack-v2"]}, fields: [VIRTUAL]) {
            field otherCount values { value count } } }
        """);
  }

  @Test
  void theVirtualAndDependencyFacetsOfTheGeneratedIndexCountWhatItsDagHolds() throws IOException {
    Map<String, Integer> virtuals = new TreeMap<>();
    Map<String, Integer> dependencies = new TreeMap<>();
    for (String hash : binaries(generatedRecords)) {
      JsonNode spec = generatedRecords.get(hash).get("spec");
      Set<String> provided = new TreeSet<>();
      for (JsonNode edge : spec.path("dependencies")) {
        String provider = nameOf(edge.get("hash").asText());
        strings(edge.at("/parameters/virtuals")).forEach(v -> provided.add(v + "=" + provider));
      }
      provided.forEach(v -> virtuals.merge(v, 1, Integer::sum));
      closureNames(hash).forEach(n -> dependencies.merge(n, 1, Integer::sum));
    }
    ObjectNode expected = JSON.createObjectNode();
    ArrayNode facets = expected.putObject("data").putArray("facets");
    facets.add(facet("VIRTUAL", virtuals));
    facets.add(facet("DEPENDENCY", dependencies));

    assertEquals(
        expected,
        run(
            "{ facets(filter: {tag: [\"generated\"]}, fields: [VIRTUAL, DEPENDENCY], limit: 1000)"
                + " { field otherCount values { value count } } }"));
    assertEquals(Map.of("c=gcc", 800, "cxx=gcc", 800, "mpi=openmpi", 44), virtuals);
  }

  /** A facet as the API answers it: values by count, descending, then by value. */
  private static ObjectNode facet(String field, Map<String, Integer> counts) {
    ObjectNode facet = JSON.createObjectNode();
    facet.put("field", field);
    facet.put("otherCount", 0);
    ArrayNode values = facet.putArray("values");
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> values.addObject().put("value", e.getKey()).put("count", e.getValue()));
    return facet;
  }

  private static String nameOf(String hash) {
    return generatedRecords.get(hash).at("/spec/name").asText();
  }

  /** The names of every record below {@code hash}, through edges of any type. */
  private static Set<String> closureNames(String hash) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(hash));
    while (!todo.isEmpty()) {
      for (JsonNode edge : generatedRecords.get(todo.remove(0)).at("/spec/dependencies")) {
        String d = edge.get("hash").asText();
        if (seen.add(d)) {
          todo.add(d);
        }
      }
    }
    Set<String> names = new TreeSet<>();
    seen.forEach(d -> names.add(nameOf(d)));
    return names;
  }

  @Test
  void theDependencyAndVirtualFiltersCountWhatTheDagHolds() throws IOException {
    int withCmake = 0;
    int withMpich = 0;
    for (String hash : binaries(generatedRecords)) {
      Set<String> below = closureNames(hash);
      withCmake += below.contains("cmake") ? 1 : 0;
      withMpich += below.contains("mpich") ? 1 : 0;
    }
    ObjectNode expected = JSON.createObjectNode();
    ObjectNode data = expected.putObject("data");
    data.putObject("cmake").put("totalCount", withCmake);
    data.putObject("openmpi").put("totalCount", 44);
    data.putObject("mpich").put("totalCount", withMpich);
    data.putObject("mpichAsMpi").put("totalCount", 0);

    assertEquals(
        expected,
        run(
            """
            { cmake: search(filter: {dependency: ["cmake"]}) { totalCount }
              openmpi: search(filter: {virtual: ["mpi=openmpi"]}) { totalCount }
              mpich: search(filter: {dependency: ["mpich"]}) { totalCount }
              mpichAsMpi: search(filter: {virtual: ["mpi=mpich"]}) { totalCount } }
            """));
    assertEquals(List.of(11, 3), List.of(withCmake, withMpich));
  }

  @Test
  void fiftySpecsWithTheSpecsOfTheirDependenciesTakeOneSearchForThePageAndOneForTheHashes()
      throws IOException {
    ArrayNode expected = JSON.createArrayNode();
    for (String hash : binaries(generatedRecords).subList(0, 50)) {
      ObjectNode node = expected.addObject().put("hash", hash);
      ArrayNode deps = node.putArray("dependencies");
      for (JsonNode edge : generatedRecords.get(hash).at("/spec/dependencies")) {
        String d = edge.get("hash").asText();
        ObjectNode dep = deps.addObject().put("hash", d);
        if (generatedRecords.get(d).path("in_buildcache").asBoolean(false)) {
          dep.putObject("spec").put("hash", d);
        } else {
          dep.putNull("spec");
        }
      }
    }

    long before = index.searchesRun();
    JsonNode result =
        run(
            "{ search(filter: {tag: [\"generated\"]}, first: 50, sort: HASH)"
                + " { nodes { hash dependencies { hash spec { hash } } } } }");
    long searches = index.searchesRun() - before;

    assertEquals(expected, result.at("/data/search/nodes"));
    assertEquals(2, searches);
  }
}
