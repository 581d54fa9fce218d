package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.SearchException.Kind;

/**
 * Dependency constraints of the spec syntax ({@code ^name}, {@code %name}, virtuals, {@code
 * ^/hash}) over build-cache indexes. For Spack's own test mirror the expected hashes are written by
 * hand from its JSON; for the generated index they are computed here from a DAG read with plain
 * Jackson, never by the code under test. The generated index shares its Lucene index with the
 * bundled sample pages, which record no dependencies: every case there also shows that no page spec
 * matches.
 */
class DependencySearchTest {
  static final Path SPACK_V2 =
      Path.of("src/test/resources/buildcache/v2_layout/unsigned/build_cache/index.json");
  static final Path GENERATED = Path.of("src/test/resources/buildcache/generated/index.json");
  static final Path SAMPLE = Path.of("src/main/resources/sample");
  static final String SPACK_TAG = "spack-v2";
  static final String GENERATED_TAG = "generated";

  // The six binaries of Spack's v2 fixture (its seventh record, gcc, is an external compiler).
  static final String LIBELF_CORE2 = "rqh2vuf6fqwkmipzgi2wjx352mq7y7ez";
  static final String COMPILER_WRAPPER = "qeehcxyvluwnihsc2qxstmpomtxo3lrc";
  static final String GCC_RUNTIME = "izgzpzeljwairalfjm3k6fntbb64nt6n";
  static final String LIBELF_M1 = "jr3yipyxyjulcdvckwwwjrrumis7glpa";
  static final String LIBDWARF_M1 = "u5uz3dcch5if4eve4sef67o2rf2lbfgh";
  static final String LIBDWARF_CORE2 = "sk2gqqz4n5njmvktycnd25wq25jxiqkr";

  @TempDir static Path tmp;
  private static SearchIndex spack;
  private static SearchIndex mixed;
  private static Dag dag;

  @BeforeAll
  static void ingest() throws IOException {
    spack = open(tmp.resolve("spack"), List.of(), SPACK_V2, SPACK_TAG);
    mixed = open(tmp.resolve("mixed"), List.of(SAMPLE), GENERATED, GENERATED_TAG);
    dag = Dag.read(GENERATED);
  }

  @AfterAll
  static void close() throws IOException {
    spack.close();
    mixed.close();
  }

  /** Ingests page trees and one build-cache index (under {@code tag}) and opens the result. */
  static SearchIndex open(Path dir, List<Path> pages, Path cache, String tag) throws IOException {
    IngestRun.BuildCache buildCache = new IngestRun.BuildCache(cache.toString(), tag, null);
    IngestSummary summary =
        new IngestRun(
                new IngestRun.Options(pages, List.of(buildCache), dir, false, false, 2),
                IngestProgress.NONE)
            .run();
    assertEquals(List.of(), summary.problems());
    return SearchIndex.open(dir, Limits.DEFAULT, Duration.ofHours(1));
  }

  /** Every {@code tag/hash} the spec selects, page after page, checking the total agrees. */
  static Set<String> found(SearchIndex index, String spec) throws IOException {
    Set<String> ids = new TreeSet<>();
    try (IndexView view = index.acquire()) {
      String after = null;
      ResultPage<SpecHit> page;
      do {
        page =
            view.search(
                new SpecRequest(Selection.ALL.with(spec, null), 100, after, SortOrder.HASH, true));
        page.nodes().forEach(h -> ids.add(h.tag() + "/" + h.hash()));
        after = page.edges().isEmpty() ? null : page.pageInfo().endCursor();
      } while (page.hasNext());
      assertEquals(ids.size(), page.totalCount(), spec);
    }
    return ids;
  }

  private static Set<String> ids(String tag, String... hashes) {
    Set<String> out = new TreeSet<>();
    for (String hash : hashes) {
      out.add(tag + "/" + hash);
    }
    return out;
  }

  /** A spec of Spack's fixture and the binaries it selects, worked out by hand from the JSON. */
  private record Hand(String spec, String... hashes) {}

  private static final List<Hand> SPACK_CASES =
      List.of(
          new Hand("^libelf", LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("^libdwarf"),
          new Hand("^libelf@0.8", LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("^libelf@0.8.13:", LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("^libelf@0.9:"),
          new Hand("^libelf@:0.8.12"),
          new Hand("^libelf build_system=generic", LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("^libelf build_system=cmake"),
          // gcc is an external record, not a binary, yet it is in the DAG below three binaries.
          new Hand("^gcc", GCC_RUNTIME, LIBELF_M1, LIBDWARF_M1),
          new Hand("^gcc@10.2", GCC_RUNTIME, LIBELF_M1, LIBDWARF_M1),
          new Hand("^gcc@11:"),
          new Hand("^gcc languages=fortran", GCC_RUNTIME, LIBELF_M1, LIBDWARF_M1),
          new Hand("^[virtuals=c] gcc", LIBELF_M1, LIBDWARF_M1),
          new Hand("^[virtuals=cxx] gcc", LIBDWARF_M1),
          new Hand("^[virtuals=mpi] gcc"),
          new Hand("^c", LIBELF_M1, LIBDWARF_M1),
          new Hand("^cxx", LIBDWARF_M1),
          new Hand("^mpi"),
          new Hand("%gcc-runtime", LIBELF_M1, LIBDWARF_M1),
          new Hand("^compiler-wrapper ^gcc-runtime", LIBELF_M1, LIBDWARF_M1),
          new Hand("^libelf ^gcc-runtime", LIBDWARF_M1),
          // Spec file v4 nodes name their compiler; v5 nodes get it from the edge providing c.
          new Hand("%gcc", LIBELF_CORE2, LIBELF_M1, LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("%gcc@10.2.1", LIBELF_CORE2, LIBELF_M1, LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("%gcc@11"),
          new Hand("libdwarf %gcc ^libelf", LIBDWARF_M1, LIBDWARF_CORE2),
          new Hand("target=core2 ^libelf", LIBDWARF_CORE2),
          new Hand("libdwarf target=m1 ^libelf", LIBDWARF_M1),
          new Hand("os=debian6 platform=test ^compiler-wrapper", LIBELF_M1, LIBDWARF_M1),
          new Hand("os=debian7 ^compiler-wrapper"),
          new Hand("^/jr3yipy", LIBDWARF_M1),
          new Hand("^/vd7v4ss", GCC_RUNTIME, LIBELF_M1, LIBDWARF_M1),
          new Hand("%/rqh2vuf", LIBDWARF_CORE2),
          new Hand("^/" + COMPILER_WRAPPER, LIBELF_M1, LIBDWARF_M1),
          new Hand("%/izgzpze", LIBELF_M1, LIBDWARF_M1));

  @TestFactory
  Stream<DynamicTest> eachSpecSelectsTheBinariesOfSpacksFixtureWorkedOutByHand() {
    return SPACK_CASES.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.spec(),
                    () -> assertEquals(ids(SPACK_TAG, c.hashes()), found(spack, c.spec()))));
  }

  /** A spec and the constraint it means, evaluated here over the generated index's DAG. */
  private record Computed(String spec, Predicate<Node> matches) {}

  // Versions the generator writes: zlib 1.2.13 and 1.3.1, openssl 3.1.3 and 3.3.1, cmake 3.27.9
  // and 3.30.5, python 3.11.9 and 3.12.5, gcc 13.2.0, 11.4.0 and 12.3.0. Each range below lists
  // by hand those of its package that it holds.
  private static List<Computed> generatedCases() {
    String zlib = dag.hashOf("zlib").substring(0, 7);
    String openmpi = dag.hashOf("openmpi").substring(0, 9);
    return List.of(
        new Computed("^zlib", any("zlib")),
        new Computed("^zlib@1.2", any("zlib", version("1.2.13"))),
        new Computed("^zlib@1.3:", any("zlib", version("1.3.1"))),
        new Computed("^zlib@:1.2", any("zlib", version("1.2.13"))),
        new Computed("^zlib@:1.2.12", any("zlib", version())),
        new Computed("^openssl@3.1.3", any("openssl", version("3.1.3"))),
        new Computed("^openssl@3.2:", any("openssl", version("3.3.1"))),
        new Computed("^cmake@3.27:3.30", any("cmake", version("3.27.9", "3.30.5"))),
        new Computed("^python@:3.11", any("python", version("3.11.9"))),
        new Computed("^zlib +shared", any("zlib", enabled("shared", true))),
        new Computed("^zlib ~shared", any("zlib", enabled("shared", false))),
        new Computed("^hwloc build_system=cmake", any("hwloc", value("build_system", "cmake"))),
        new Computed(
            "^hwloc build_system=autotools", any("hwloc", value("build_system", "autotools"))),
        new Computed(
            "^openmpi +pic build_type=Release",
            any("openmpi", enabled("pic", true).and(value("build_type", "Release")))),
        new Computed("^openmpi build_type=Debug", any("openmpi", value("build_type", "Debug"))),
        new Computed("^gcc languages=fortran", any("gcc", value("languages", "fortran"))),
        new Computed("^[virtuals=mpi] openmpi", provides("mpi", "openmpi")),
        new Computed("^[virtuals=mpi] mpich", provides("mpi", "mpich")),
        new Computed("^mpich", any("mpich")),
        new Computed("^openmpi", any("openmpi")),
        new Computed("%openmpi", direct("openmpi")),
        new Computed("^mpi", provides("mpi", null)),
        new Computed("^c", provides("c", null)),
        new Computed("^cmake", any("cmake")),
        new Computed("%cmake", direct("cmake")),
        new Computed("%gcc@13 ^zlib", compiler("gcc", "13.2.0").and(any("zlib"))),
        new Computed("%gcc@11 ^zlib", compiler("gcc", "11.4.0").and(any("zlib"))),
        new Computed("%gcc@13.2.0 %pkgconf", compiler("gcc", "13.2.0").and(direct("pkgconf"))),
        new Computed("^/" + zlib, dependencyHash(zlib, false)),
        new Computed("%/" + zlib, dependencyHash(zlib, true)),
        new Computed("^/" + openmpi + " ^zlib", dependencyHash(openmpi, false).and(any("zlib"))),
        new Computed("hdf5 ^mpi", named("hdf5").and(provides("mpi", null))),
        // pkg-0147 reaches cmake only through one of its dependencies.
        new Computed("pkg-0147 ^cmake", named("pkg-0147").and(any("cmake"))),
        new Computed("pkg-0147 %cmake", named("pkg-0147").and(direct("cmake"))),
        new Computed("target=x86_64_v3 ^openmpi", target("x86_64_v3").and(any("openmpi"))),
        new Computed("target=zen3 ^openmpi", target("zen3").and(any("openmpi"))),
        new Computed("os=ubuntu22.04 %cmake", os("ubuntu22.04").and(direct("cmake"))),
        new Computed("os=rhel9 ^zlib", os("rhel9").and(any("zlib"))),
        new Computed("^openmpi ^ncurses@6.5", any("openmpi").and(any("ncurses", version("6.5")))));
  }

  @TestFactory
  Stream<DynamicTest> eachSpecSelectsTheGeneratedBinariesTheDagSaysAndNoPageSpec() {
    return generatedCases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.spec(), () -> assertEquals(dag.select(c.matches()), found(mixed, c.spec()))));
  }

  @Test
  void theGeneratedIndexTellsDirectFromTransitiveAndVirtualFromName() {
    // What makes the cases above able to fail: the sets they compare differ.
    assertEquals(
        List.of(800, 9, 11, 44, 47, 48, 3, 0),
        Stream.of(
                dag.select(n -> true),
                dag.select(direct("cmake")),
                dag.select(any("cmake")),
                dag.select(provides("mpi", null)),
                dag.select(direct("openmpi")),
                dag.select(any("openmpi")),
                dag.select(any("mpich")),
                dag.select(provides("mpi", "mpich")))
            .map(Set::size)
            .toList());
  }

  @Test
  void aCompilerMatchesPagesAndBinariesWhileTheSameNameAsADependencyMatchesBinariesOnly()
      throws IOException {
    Set<String> gccPages = new TreeSet<>();
    Set<String> callpathPages = new TreeSet<>();
    for (Corpus.RawSpec s : Corpus.rawSpecs(SAMPLE)) {
      if (s.compiler().startsWith("gcc@")) {
        gccPages.add(s.id());
      }
      if (s.name().equals("callpath")) {
        callpathPages.add(s.id());
      }
    }
    Set<String> gccEverywhere = new TreeSet<>(gccPages);
    gccEverywhere.addAll(dag.select(compiler("gcc", "13.2.0")));

    assertEquals(gccEverywhere, found(mixed, "%gcc"));
    assertEquals(dag.select(any("gcc")), found(mixed, "^gcc"));
    assertEquals(callpathPages, found(mixed, "callpath"));
    assertEquals(Set.of(), found(mixed, "^callpath"));
    assertEquals(Set.of(), found(mixed, "%callpath"));
  }

  private static SearchException refusal(String spec) {
    return assertThrows(SearchException.class, () -> found(spack, spec));
  }

  @Test
  void theArchitectureOfADependencyIsRefusedAtItsValue() {
    SearchException e = refusal("^zlib target=x86_64");

    assertEquals(
        List.of(
            Kind.UNSUPPORTED,
            14,
            "spec at column 14: the architecture or flags of ^zlib cannot be searched: the index"
                + " records a dependency's name, hash, version, variants and virtuals"),
        List.of(e.kind(), e.column(), e.getMessage()));
  }

  @Test
  void dependencyTypesOfAnEdgeAreRefusedAtTheEdge() {
    SearchException e = refusal("^[deptypes=build] cmake");

    assertEquals(
        List.of(
            Kind.UNSUPPORTED,
            1,
            "spec at column 1: edge attributes of ^cmake cannot be searched: only virtuals= can be"
                + " searched"),
        List.of(e.kind(), e.column(), e.getMessage()));
  }

  @Test
  void theCompilerOfADependencyIsRefusedWithTheSpellingThatWorks() {
    SearchException e = refusal("^zlib %gcc");

    assertEquals(
        List.of(
            Kind.UNSUPPORTED,
            7,
            "spec at column 7: %gcc of ^zlib cannot be searched: the dependencies of a dependency"
                + " cannot be searched; write ^gcc"),
        List.of(e.kind(), e.column(), e.getMessage()));
  }

  // The oracle: the generated index read with plain Jackson, and constraints over its nodes.

  /** One record of a database JSON. */
  record Node(
      String hash,
      String name,
      String version,
      String os,
      String target,
      JsonNode parameters,
      List<Edge> edges,
      boolean binary) {}

  /** One dependency edge of a record. */
  record Edge(String hash, List<String> deptypes, List<String> virtuals) {}

  /** The records of a database JSON by hash, with the closure below each. */
  record Dag(Map<String, Node> nodes) {
    static Dag read(Path file) throws IOException {
      JsonNode installs = new ObjectMapper().readTree(file.toFile()).at("/database/installs");
      Map<String, Node> nodes = new LinkedHashMap<>();
      installs.properties().forEach(e -> nodes.put(e.getKey(), node(e.getKey(), e.getValue())));
      return new Dag(nodes);
    }

    private static Node node(String hash, JsonNode record) {
      JsonNode spec = record.get("spec");
      List<Edge> edges = new ArrayList<>();
      for (JsonNode d : spec.path("dependencies")) {
        edges.add(
            new Edge(
                d.get("hash").asText(),
                strings(d.at("/parameters/deptypes")),
                strings(d.at("/parameters/virtuals"))));
      }
      JsonNode arch = spec.get("arch");
      return new Node(
          hash,
          spec.get("name").asText(),
          spec.get("version").asText(),
          arch.get("platform_os").asText(),
          arch.get("target").asText(),
          spec.get("parameters"),
          edges,
          record.path("in_buildcache").asBoolean(false));
    }

    String hashOf(String name) {
      return nodes.values().stream().filter(n -> n.name().equals(name)).findFirst().get().hash();
    }

    /** Every node reachable from {@code root} through any edge. */
    Set<Node> closure(Node root) {
      Set<Node> seen = new HashSet<>();
      ArrayDeque<Node> todo = new ArrayDeque<>(List.of(root));
      while (!todo.isEmpty()) {
        for (Edge e : todo.poll().edges()) {
          Node d = nodes.get(e.hash());
          if (seen.add(d)) {
            todo.add(d);
          }
        }
      }
      return seen;
    }

    /** The {@code generated/hash} of every binary that {@code matches}. */
    Set<String> select(Predicate<Node> matches) {
      Set<String> out = new TreeSet<>();
      nodes.values().stream()
          .filter(n -> n.binary() && matches.test(n))
          .forEach(n -> out.add(GENERATED_TAG + "/" + n.hash()));
      return out;
    }
  }

  /** A node named {@code name} anywhere below the binary, satisfying {@code constraint}. */
  private static Predicate<Node> any(String name, Predicate<Node> constraint) {
    return n -> dag.closure(n).stream().anyMatch(d -> d.name().equals(name) && constraint.test(d));
  }

  private static Predicate<Node> any(String name) {
    return any(name, d -> true);
  }

  /** A direct dependency named {@code name}. */
  private static Predicate<Node> direct(String name) {
    return n -> n.edges().stream().anyMatch(e -> dag.nodes().get(e.hash()).name().equals(name));
  }

  /** A direct edge providing {@code virtual}, by {@code provider} (any when null). */
  private static Predicate<Node> provides(String virtual, String provider) {
    return n ->
        n.edges().stream()
            .anyMatch(
                e ->
                    e.virtuals().contains(virtual)
                        && (provider == null || dag.nodes().get(e.hash()).name().equals(provider)));
  }

  /** The compiler: the direct dependency providing c, of this name and one of these versions. */
  private static Predicate<Node> compiler(String name, String... versions) {
    return n ->
        n.edges().stream()
            .filter(e -> e.virtuals().contains("c"))
            .map(e -> dag.nodes().get(e.hash()))
            .anyMatch(d -> d.name().equals(name) && version(versions).test(d));
  }

  private static Predicate<Node> dependencyHash(String prefix, boolean directOnly) {
    return n ->
        (directOnly
                ? n.edges().stream().map(e -> dag.nodes().get(e.hash()))
                : dag.closure(n).stream())
            .anyMatch(d -> d.hash().startsWith(prefix));
  }

  private static Predicate<Node> version(String... versions) {
    return d -> List.of(versions).contains(d.version());
  }

  private static Predicate<Node> enabled(String variant, boolean on) {
    return d ->
        d.parameters().path(variant).isBoolean() && d.parameters().get(variant).asBoolean() == on;
  }

  /** A single-valued variant of this value, or a multi-valued one holding it. */
  private static Predicate<Node> value(String variant, String value) {
    return d -> {
      JsonNode v = d.parameters().path(variant);
      if (v.isArray()) {
        return strings(v).contains(value);
      }
      return v.isTextual() && v.asText().equals(value);
    };
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Predicate<Node> named(String name) {
    return n -> n.name().equals(name);
  }

  private static Predicate<Node> target(String target) {
    return n -> n.target().equals(target);
  }

  private static Predicate<Node> os(String os) {
    return n -> n.os().equals(os);
  }
}
