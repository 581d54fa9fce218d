package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DatabaseReaderTest {
  private static final String DIR = "src/test/resources/buildcache/";
  private static final String V8 = DIR + "v2_layout/unsigned/build_cache/index.json";
  private static final String V6 = DIR + "legacy_yaml/build_cache/index.json";
  private static final String HAND_V9 = DIR + "hand/v9-compilers-variants-flags.json";
  private static final String HAND_V6 = DIR + "hand/v6-type-edges.json";
  private static final String INVALID = DIR + "invalid/";

  private static final String A = "a".repeat(32);
  private static final String B = "b".repeat(32);
  private static final String C = "c".repeat(32);
  private static final String D = "d".repeat(32);

  private static final Variant GENERIC = Variant.parse("build_system=generic");
  private static final String MOCK = "\"builtin.mock\"";

  private static List<Binary> read(String path) throws IOException, BuildCacheException {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      return DatabaseReader.read(in, path);
    }
  }

  private static Binary binary(List<Binary> binaries, String hash) {
    return binaries.stream().filter(b -> b.spec().hash().equals(hash)).findFirst().orElseThrow();
  }

  private static List<Variant> variants(String... raw) {
    return Stream.of(raw).map(Variant::parse).toList();
  }

  private static Dependency dep(
      String name,
      String version,
      String hash,
      List<String> deptypes,
      List<String> virtuals,
      List<Variant> variants,
      boolean external) {
    return new Dependency(name, version, hash, deptypes, virtuals, variants, external);
  }

  private static Dependency entry(
      String name, String version, String hash, List<Variant> variants, boolean external) {
    return new Dependency(name, version, hash, List.of(), List.of(), variants, external);
  }

  // ---- Spack's fixtures: counts, and every binary against an independent reading ----

  @Test
  void spacksDatabaseV8MirrorHasSixBinariesAndOneExternalCompiler() throws Exception {
    List<Binary> binaries = read(V8);
    assertEquals(6, binaries.size());
    assertEquals(
        List.of("vd7v4ssgnoqdplgxyig3orum67n4vmhq"),
        binaries.stream()
            .flatMap(b -> b.spec().closure().stream())
            .filter(Dependency::external)
            .map(Dependency::hash)
            .distinct()
            .toList());
  }

  @Test
  void spacksLegacyDatabaseV6MirrorHasOneBinaryAndNoExternal() throws Exception {
    List<Binary> binaries = read(V6);
    assertEquals(1, binaries.size());
    assertEquals(List.of(), binaries.get(0).spec().closure());
  }

  @Test
  void everyBinaryOfTheV8MirrorMatchesAnIndependentReadingOfItsJson() throws Exception {
    assertEquals(Independent.read(V8), Independent.summarize(read(V8)));
  }

  @Test
  void everyBinaryOfTheV6MirrorMatchesAnIndependentReadingOfItsJson() throws Exception {
    assertEquals(Independent.read(V6), Independent.summarize(read(V6)));
  }

  @Test
  void everyBinaryOfTheHandWrittenIndexesMatchesAnIndependentReading() throws Exception {
    assertEquals(Independent.read(HAND_V9), Independent.summarize(read(HAND_V9)));
    assertEquals(Independent.read(HAND_V6), Independent.summarize(read(HAND_V6)));
  }

  // ---- exact values, written by hand from the fixtures ----

  @Test
  void aV6NodeTakesItsCompilerFromItsCompilerFieldAndItsTargetFromTheTargetObject()
      throws Exception {
    Spec zlib =
        new Spec(
            "t5mczux3tfqpxwmg7egp7axy2jvyulqk",
            Compiler.parse("gcc@4.5.0"),
            "debian6",
            "test",
            "core2",
            variants("+optimize", "+pic", "+shared"),
            List.of("1.2.11"),
            List.of(),
            null,
            Map.of("namespace", MOCK),
            List.of(),
            List.of());
    assertEquals(List.of(new Binary("zlib", zlib)), read(V6));
  }

  @Test
  void aV5NodeTakesItsCompilerFromTheDependencyProvidingC() throws Exception {
    String wrapper = "qeehcxyvluwnihsc2qxstmpomtxo3lrc";
    String gcc = "vd7v4ssgnoqdplgxyig3orum67n4vmhq";
    String runtime = "izgzpzeljwairalfjm3k6fntbb64nt6n";
    String libelf = "jr3yipyxyjulcdvckwwwjrrumis7glpa";
    List<Variant> gccVariants = variants("build_system=generic", "languages:=c,c++,fortran");
    Spec libdwarf =
        new Spec(
            "u5uz3dcch5if4eve4sef67o2rf2lbfgh",
            Compiler.parse("gcc@10.2.1"),
            "debian6",
            "test",
            "m1",
            List.of(GENERIC),
            List.of("20130729"),
            List.of(),
            null,
            Map.of("namespace", MOCK),
            List.of(
                dep(
                    "compiler-wrapper",
                    "1.0",
                    wrapper,
                    List.of("build"),
                    List.of(),
                    List.of(GENERIC),
                    false),
                dep("gcc", "10.2.1", gcc, List.of("build"), List.of("c", "cxx"), gccVariants, true),
                dep(
                    "gcc-runtime",
                    "10.2.1",
                    runtime,
                    List.of("link"),
                    List.of(),
                    List.of(GENERIC),
                    false),
                dep(
                    "libelf",
                    "0.8.13",
                    libelf,
                    List.of("build", "link"),
                    List.of(),
                    List.of(GENERIC),
                    false)),
            List.of(
                entry("compiler-wrapper", "1.0", wrapper, List.of(GENERIC), false),
                entry("gcc", "10.2.1", gcc, gccVariants, true),
                entry("gcc-runtime", "10.2.1", runtime, List.of(GENERIC), false),
                entry("libelf", "0.8.13", libelf, List.of(GENERIC), false)));
    assertEquals(
        new Binary("libdwarf", libdwarf), binary(read(V8), "u5uz3dcch5if4eve4sef67o2rf2lbfgh"));
  }

  @Test
  void aNodeConvertedFromV4TakesItsCompilerFromItsAnnotations() throws Exception {
    String libelf = "rqh2vuf6fqwkmipzgi2wjx352mq7y7ez";
    Spec libdwarf =
        new Spec(
            "sk2gqqz4n5njmvktycnd25wq25jxiqkr",
            Compiler.parse("gcc@=10.2.1"),
            "debian6",
            "test",
            "core2",
            List.of(GENERIC),
            List.of("20130729"),
            List.of(),
            null,
            Map.of("namespace", MOCK),
            List.of(
                dep(
                    "libelf",
                    "0.8.13",
                    libelf,
                    List.of("build", "link"),
                    List.of(),
                    List.of(GENERIC),
                    false)),
            List.of(entry("libelf", "0.8.13", libelf, List.of(GENERIC), false)));
    assertEquals(
        new Binary("libdwarf", libdwarf), binary(read(V8), "sk2gqqz4n5njmvktycnd25wq25jxiqkr"));
  }

  @Test
  void aNodeWhoseCompilerDependencyProvidesNoLanguageHasCompilerNone() throws Exception {
    Spec runtime = binary(read(V8), "izgzpzeljwairalfjm3k6fntbb64nt6n").spec();
    assertEquals(new Compiler("none", "none", ""), runtime.compiler());
    assertEquals(
        List.of(
            dep(
                "gcc",
                "10.2.1",
                "vd7v4ssgnoqdplgxyig3orum67n4vmhq",
                List.of("build"),
                List.of(),
                variants("build_system=generic", "languages:=c,c++,fortran"),
                true)),
        runtime.dependencies());
  }

  @Test
  void theExternalCompilerIsNotABinary() throws Exception {
    assertEquals(
        List.of(
            "libelf/rqh2vuf6fqwkmipzgi2wjx352mq7y7ez",
            "compiler-wrapper/qeehcxyvluwnihsc2qxstmpomtxo3lrc",
            "gcc-runtime/izgzpzeljwairalfjm3k6fntbb64nt6n",
            "libelf/jr3yipyxyjulcdvckwwwjrrumis7glpa",
            "libdwarf/u5uz3dcch5if4eve4sef67o2rf2lbfgh",
            "libdwarf/sk2gqqz4n5njmvktycnd25wq25jxiqkr"),
        read(V8).stream().map(b -> b.name() + "/" + b.spec().hash()).toList());
  }

  @Test
  void aV9NodeHasVariantsAsAConcreteSpecPrintsThemAndItsFlagsAndNamespaceInExtra()
      throws Exception {
    List<Variant> plain = List.of(GENERIC);
    Spec hdf5 =
        new Spec(
            A,
            Compiler.parse("gcc@14.2.0"),
            "ubuntu24.04",
            "linux",
            "x86_64_v3",
            variants(
                "api=default",
                "build_system=cmake",
                "dev_path=/home/me/hdf5",
                "libs:=shared,static",
                "+mpi",
                "patches:=0123456,fedcba9",
                "~shared"),
            List.of("1.14.5"),
            List.of(),
            null,
            Map.of("namespace", "\"builtin\"", "cflags", "[\"-O3\",\"-g\"]"),
            List.of(
                dep("llvm", "19.1.0", B, List.of("build"), List.of("fortran"), plain, true),
                dep("gcc", "14.2.0", C, List.of("build"), List.of("c", "cxx"), plain, true),
                dep(
                    "zlib-ng",
                    "2.2.1",
                    D,
                    List.of("build", "link"),
                    List.of("zlib-api"),
                    plain,
                    false)),
            List.of(
                entry("llvm", "19.1.0", B, plain, true),
                entry("gcc", "14.2.0", C, plain, true),
                entry("zlib-ng", "2.2.1", D, plain, false)));
    List<Binary> binaries = read(HAND_V9);
    assertEquals(List.of(A, D), binaries.stream().map(b -> b.spec().hash()).toList());
    assertEquals(new Binary("hdf5", hdf5), binaries.get(0));
  }

  @Test
  void aV6NodeReadsTypeEdgesStringTargetsAndADependencyKeyedByBuildHash() throws Exception {
    List<Variant> shared = variants("+shared");
    Spec libdwarf =
        new Spec(
            A,
            Compiler.parse("gcc@9.4.0"),
            "centos7",
            "linux",
            "x86_64",
            shared,
            List.of("20180129"),
            List.of(),
            null,
            Map.of("namespace", "\"builtin\""),
            List.of(
                dep("libelf", "0.8.13", B, List.of("build", "link"), List.of(), shared, false),
                dep("zlib", "1.2.13", C, List.of("link"), List.of(), shared, false)),
            List.of(
                entry("libelf", "0.8.13", B, shared, false),
                entry("zlib", "1.2.13", C, shared, false)));
    List<Binary> binaries = read(HAND_V6);
    assertEquals(new Binary("libdwarf", libdwarf), binaries.get(0));
    assertEquals("haswell", binaries.get(1).spec().target());
    assertEquals(Compiler.parse("gcc@9.4.0"), binaries.get(2).spec().compiler());
  }

  @Test
  void theCallersStreamIsLeftOpen() throws Exception {
    boolean[] closed = {false};
    byte[] json = Files.readAllBytes(Path.of(V6));
    InputStream in =
        new ByteArrayInputStream(json) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertEquals(1, DatabaseReader.read(in, "index.json").size());
    assertEquals(false, closed[0]);
  }

  @Test
  void aStreamThatFailsMidwayIsACannotReadError() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };
    BuildCacheException e =
        assertThrows(BuildCacheException.class, () -> DatabaseReader.read(failing, "s3://m/i"));
    assertEquals("s3://m/i: cannot read: connection reset", e.getMessage());
  }

  // ---- broken indexes: one exact message each ----

  private static Stream<String[]> brokenIndexes() {
    String record = "record " + A + " (zlib-ng): ";
    return Stream.of(
        pair("empty.json", "empty, not a database JSON"),
        pair(
            "not-json.html",
            "not JSON (line 1, column 1): Unexpected character ('<' (code 60)): expected a valid"
                + " value (JSON String, Number, Array, Object or token 'null', 'true' or"
                + " 'false')"),
        pair(
            "truncated.json",
            // 106 characters; the spec object opens at column 89 (after 44 + 32 + 12).
            "not JSON (line 1, column 107): Unexpected end-of-input: expected close marker for"
                + " Object (start marker at [line: 1, column: 89])"),
        pair("spec-file.json", "not a Spack database: no \"database\" object at the top level"),
        pair("no-version.json", "the database has no \"version\""),
        pair("newer-version.json", "database version 10 is newer than this build reads (6 to 9)"),
        pair("older-version.json", "database version 5 is older than this build reads (6 to 9)"),
        pair(
            "dotted-version.json",
            "database version 0.9.3 is older than this build reads (6 to 9)"),
        pair(
            "word-version.json", "database version \"eight\" is not one this build reads (6 to 9)"),
        pair("no-installs.json", "the database has no \"installs\""),
        pair(
            "key-not-a-hash.json",
            "record \"zlib-ng-2.2.1\": the key is not a DAG hash (32 characters of a-z2-7)"),
        pair("no-spec.json", "record " + A + ": no \"spec\" object"),
        pair("no-name.json", "record " + A + ": the spec has no \"name\""),
        pair("no-version-in-spec.json", record + "the spec has no \"version\""),
        pair("no-os.json", record + "the spec has no \"arch.platform_os\""),
        pair("target-without-name.json", record + "the spec has no \"arch.target\" name"),
        pair("dependency-without-hash.json", record + "dependency \"gcc\" has no hash"),
        pair("dependency-without-name.json", record + "a dependency has no \"name\""),
        pair("dependencies-not-a-list.json", record + "\"dependencies\" is not a list"),
        pair("in-buildcache-not-boolean.json", record + "\"in_buildcache\" is not true or false"),
        pair(
            "bad-record-before-newer-version.json",
            "database version 10 is newer than this build reads (6 to 9)"),
        pair("bad-record-before-known-version.json", record + "the spec has no \"version\""));
  }

  private static String[] pair(String fixture, String message) {
    return new String[] {fixture, message};
  }

  @TestFactory
  Stream<DynamicTest> aBrokenIndexFailsWithAMessageNamingTheSourceAndTheProblem() {
    return brokenIndexes()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0] + " fails with: " + c[1],
                    () -> {
                      String path = INVALID + c[0];
                      BuildCacheException e =
                          assertThrows(BuildCacheException.class, () -> read(path));
                      assertEquals(path + ": " + c[1], e.getMessage());
                      assertEquals(path, e.source());
                    }));
  }

  @Test
  void everyBrokenFixtureHasItsCase() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(INVALID))) {
      assertEquals(
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          brokenIndexes().map(c -> c[0]).sorted().toList());
    }
  }

  /**
   * Reads a database JSON by walking the whole tree, without the code under test: per binary hash,
   * {@code package@version target os compiler [variants] [direct dependency name/hash]}.
   */
  private static final class Independent {
    private static final List<String> FLAGS =
        List.of("cflags", "cxxflags", "fflags", "cppflags", "ldflags", "ldlibs");

    static Map<String, String> read(String path) throws IOException {
      JsonNode installs =
          new ObjectMapper().readTree(Path.of(path).toFile()).get("database").get("installs");
      Map<String, String> out = new TreeMap<>();
      installs
          .properties()
          .forEach(
              e -> {
                if (e.getValue().path("in_buildcache").asBoolean(false)) {
                  out.put(e.getKey(), line(e.getValue().get("spec"), installs));
                }
              });
      return out;
    }

    static Map<String, String> summarize(List<Binary> binaries) {
      Map<String, String> out = new TreeMap<>();
      for (Binary b : binaries) {
        Spec s = b.spec();
        out.put(
            s.hash(),
            String.join(
                " ",
                b.name() + "@" + String.join(",", s.versions()),
                s.target(),
                s.os(),
                s.compiler().raw(),
                s.variants().stream().map(Variant::raw).toList().toString(),
                s.dependencies().stream().map(d -> d.name() + "/" + d.hash()).toList().toString()));
      }
      return out;
    }

    private static String line(JsonNode spec, JsonNode installs) {
      JsonNode arch = spec.get("arch");
      JsonNode target = arch.get("target");
      List<String> deps = new ArrayList<>();
      for (JsonNode d : spec.path("dependencies")) {
        String hash = d.has("hash") ? d.get("hash").asText() : d.get("build_hash").asText();
        if (installs.has(hash)) {
          deps.add(d.get("name").asText() + "/" + hash);
        }
      }
      return String.join(
          " ",
          spec.get("name").asText() + "@" + spec.get("version").asText(),
          target.isObject() ? target.get("name").asText() : target.asText(),
          arch.get("platform_os").asText(),
          compiler(spec, installs),
          variants(spec).toString(),
          deps.toString());
    }

    private static String compiler(JsonNode spec, JsonNode installs) {
      if (spec.has("compiler")) {
        JsonNode c = spec.get("compiler");
        String version =
            c.has("version") ? c.get("version").asText() : c.get("versions").get(0).asText();
        return c.get("name").asText() + "@" + version;
      }
      if (spec.path("annotations").has("compiler")) {
        return spec.get("annotations").get("compiler").asText();
      }
      for (String language : List.of("c", "cxx", "fortran")) {
        for (JsonNode d : spec.path("dependencies")) {
          boolean provides = false;
          for (JsonNode v : d.path("parameters").path("virtuals")) {
            provides |= v.asText().equals(language);
          }
          JsonNode dep = installs.path(d.path("hash").asText()).path("spec");
          if (provides && !dep.isMissingNode()) {
            return dep.get("name").asText() + "@" + dep.get("version").asText();
          }
        }
      }
      return "none";
    }

    private static List<String> variants(JsonNode spec) {
      TreeMap<String, String> byName = new TreeMap<>();
      spec.path("parameters")
          .properties()
          .forEach(
              p -> {
                String name = p.getKey();
                JsonNode v = p.getValue();
                if (FLAGS.contains(name)) {
                  return;
                }
                if (v.isBoolean() || v.asText().equalsIgnoreCase("false")) {
                  byName.put(name, (v.asBoolean() ? "+" : "~") + name);
                } else if (v.isArray()) {
                  TreeSet<String> values = new TreeSet<>();
                  v.forEach(
                      x ->
                          values.add(
                              name.equals("patches") ? x.asText().substring(0, 7) : x.asText()));
                  byName.put(name, name + ":=" + String.join(",", values));
                } else {
                  byName.put(name, name + "=" + v.asText());
                }
              });
      return new ArrayList<>(byName.values());
    }
  }

  @Test
  void spacksFixturesAreExactCopiesWithTheHashesSpackRecordsBesideThem() throws Exception {
    // Values of index.json.hash beside each index in spack/spack, at the commits in PROVENANCE.tsv.
    assertEquals("57cad2589fae55cda3c35cadf4286d2e7702f90a708da80d70a76213fc45a688", sha256(V8));
    assertEquals("ce580e564178d8e3dc873377297e3dae7f3fb27be066eb9b7a50221f4ebf4f64", sha256(V6));
  }

  private static String sha256(String path) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(path)));
    return HexFormat.of().formatHex(digest);
  }
}
