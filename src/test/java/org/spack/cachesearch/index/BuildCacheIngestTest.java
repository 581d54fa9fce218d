package org.spack.cachesearch.index;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.LoopbackFiles;
import org.spack.cachesearch.ingest.Catalog;
import org.spack.cachesearch.ingest.CatalogEntry;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.ingest.HttpFetcher;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.Problem;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.ResultPage;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.Selection;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;
import org.spack.cachesearch.search.TagSummary;

/**
 * Build-cache indexes ingested end to end: served over loopback HTTP (layouts v3 and v2, a
 * catalogue), merged with page trees, and read back through the search API.
 */
class BuildCacheIngestTest {
  /** Spack's own test mirror (database v8): six binaries and an external gcc, not a binary. */
  static final Path SPACK_MIRROR = Path.of("src/test/resources/buildcache/v2_layout/unsigned");

  static final Path SPACK_INDEX = SPACK_MIRROR.resolve("build_cache/index.json");

  /** Two of those six binaries (libelf and libdwarf for core2), as a smaller v2 mirror. */
  static final Path TWO_OF_SIX = Path.of("src/test/resources/mirrors/ingest/two-of-six");

  static final Path SAMPLE = Path.of("src/main/resources/sample");

  static final String LIBELF_CORE2 = "rqh2vuf6fqwkmipzgi2wjx352mq7y7ez";
  static final String LIBDWARF_CORE2 = "sk2gqqz4n5njmvktycnd25wq25jxiqkr";
  static final String LIBELF_M1 = "jr3yipyxyjulcdvckwwwjrrumis7glpa";
  static final String LIBDWARF_M1 = "u5uz3dcch5if4eve4sef67o2rf2lbfgh";
  static final String WRAPPER = "qeehcxyvluwnihsc2qxstmpomtxo3lrc";
  static final String RUNTIME = "izgzpzeljwairalfjm3k6fntbb64nt6n";

  /** The sample's tags other than develop, as its pages give them (counted in the files). */
  static final List<TagSummary> SAMPLE_DATED_AND_RELEASED =
      List.of(
          new TagSummary(
              "develop-2025-03-23", 1, 2, List.of("e4s", "ml-linux-x86_64-rocm", "root")),
          new TagSummary(
              "develop-2025-03-30", 2, 3, List.of("e4s", "hep", "ml-linux-x86_64-rocm", "root")),
          new TagSummary(
              "v0.23.0",
              12,
              21,
              List.of(
                  "aws-isc",
                  "aws-isc-aarch64",
                  "aws-pcluster-neoverse_v1",
                  "developer-tools-manylinux2014",
                  "e4s",
                  "e4s-neoverse_v1",
                  "e4s-oneapi",
                  "root",
                  "tutorial")));

  /** The stacks of the sample's develop pages (collected from their spec_details). */
  static final List<String> SAMPLE_DEVELOP_STACKS =
      List.of(
          "aws-ahug",
          "aws-ahug-aarch64",
          "aws-isc",
          "aws-isc-aarch64",
          "aws-pcluster-neoverse_v1",
          "data-vis-sdk",
          "developer-tools",
          "developer-tools-aarch64-linux-gnu",
          "developer-tools-darwin",
          "developer-tools-manylinux2014",
          "developer-tools-x86_64_v3-linux-gnu",
          "e4s",
          "e4s-aarch64",
          "e4s-arm",
          "e4s-cray-rhel",
          "e4s-cray-sles",
          "e4s-neoverse-v2",
          "e4s-neoverse_v1",
          "e4s-oneapi",
          "e4s-power",
          "e4s-rocm-external",
          "hep",
          "ml-darwin-aarch64-mps",
          "ml-linux-aarch64-cpu",
          "ml-linux-aarch64-cuda",
          "ml-linux-x86_64-cpu",
          "ml-linux-x86_64-cuda",
          "ml-linux-x86_64-rocm",
          "radiuss",
          "root",
          "tutorial");

  static final String MANIFEST = "v3/manifests/index/index.manifest.json";

  @TempDir static Path served;
  static LoopbackFiles files;
  static String base;

  @TempDir Path tmp;

  // --- the loopback server: every file under `served`, 404 for anything else ---

  @BeforeAll
  static void start() throws IOException {
    files = LoopbackFiles.serve(served);
    base = files.base();
  }

  @AfterAll
  static void stop() {
    files.close();
  }

  // --- mirrors, written as Spack lays them out ---

  /** A v3 mirror: the gzip blob of {@code json} and the manifest naming it; its sha256. */
  static String v3Mirror(Path root, byte[] json) throws IOException {
    byte[] blob = gzip(json);
    String sha = sha256(blob);
    write(root.resolve(blobPath(sha)), blob);
    String manifest =
        "{\"version\": 3, \"data\": [{\"contentLength\": "
            + blob.length
            + ", \"mediaType\": \"application/vnd.spack.db.v8+json\", \"compression\": \"gzip\","
            + " \"checksumAlgorithm\": \"sha256\", \"checksum\": \""
            + sha
            + "\"}]}";
    write(root.resolve(MANIFEST), manifest.getBytes(UTF_8));
    return sha;
  }

  static void v2Mirror(Path root, byte[] json) throws IOException {
    write(root.resolve("build_cache/index.json"), json);
  }

  static String blobPath(String sha) {
    return "blobs/sha256/" + sha.substring(0, 2) + "/" + sha;
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A database v8 JSON of the given records. */
  static byte[] database(String... records) {
    return ("{\"database\": {\"version\": \"8\", \"installs\": {"
            + String.join(", ", records)
            + "}}}")
        .getBytes(UTF_8);
  }

  /** One binary's record: linux, ubuntu22.04, x86_64_v3, no compiler, no dependencies. */
  static String binary(String hash, String name, String version) {
    return String.format(
        "\"%1$s\": {\"spec\": {\"name\": \"%2$s\", \"version\": \"%3$s\", \"arch\":"
            + " {\"platform\": \"linux\", \"platform_os\": \"ubuntu22.04\", \"target\":"
            + " \"x86_64_v3\"}, \"hash\": \"%1$s\"}, \"in_buildcache\": true}",
        hash, name, version);
  }

  /** A DAG hash spelled from a word: the word, then {@code a} up to 32 characters. */
  static String hash(String word) {
    return word + "a".repeat(32 - word.length());
  }

  // --- ingest and read back ---

  IngestSummary ingest(Path index, List<Path> pages, IngestRun.BuildCache... caches)
      throws IOException {
    IngestRun.Options options =
        new IngestRun.Options(pages, List.of(caches), index, false, false, 2);
    return new IngestRun(options, IngestProgress.NONE).run();
  }

  static SearchIndex open(Path index) throws IOException {
    return SearchIndex.open(index, Limits.DEFAULT, Duration.ofHours(1));
  }

  /** Every spec of a tag (at most 100), hash to the set of its stacks. */
  static Map<String, Set<String>> stacksOf(IndexView view, String tag) {
    SpecFilter inTag = SpecFilter.of(SpecField.TAG, tag);
    ResultPage<SpecHit> page =
        view.search(new SpecRequest(Selection.of(null, inTag), 100, null, SortOrder.HASH, true));
    assertFalse(page.hasNext());
    Map<String, Set<String>> stacks = new TreeMap<>();
    page.nodes().forEach(h -> stacks.put(h.hash(), Set.copyOf(h.stacks())));
    return stacks;
  }

  /** The one spec a query finds. */
  static SpecHit only(IndexView view, String query) {
    ResultPage<SpecHit> page =
        view.search(new SpecRequest(Selection.of(query, null), 10, null, SortOrder.HASH, true));
    assertEquals(1, page.totalCount(), query);
    return page.nodes().get(0);
  }

  static Map<String, Set<String>> noStacks(String... hashes) {
    Map<String, Set<String>> map = new TreeMap<>();
    for (String h : hashes) {
      map.put(h, Set.of());
    }
    return map;
  }

  static final Map<String, Set<String>> SIX =
      noStacks(LIBELF_CORE2, LIBDWARF_CORE2, LIBELF_M1, LIBDWARF_M1, WRAPPER, RUNTIME);

  // --- one index over HTTP ---

  @Test
  void aV3MirrorServedOverHttpIsIngestedWithEveryBinaryOfItsIndex() throws IOException {
    v3Mirror(served.resolve("one-v3"), Files.readAllBytes(SPACK_INDEX));
    Path index = tmp.resolve("index");

    IngestSummary summary =
        ingest(index, List.of(), new IngestRun.BuildCache(base + "/one-v3", "develop", null));

    assertEquals(List.of(), summary.problems());
    assertEquals(4, summary.pages()); // compiler-wrapper, gcc-runtime, libdwarf, libelf
    assertEquals(6, summary.specs());
    assertEquals(Set.of("develop"), summary.tags());
    assertTrue(summary.committed());
    assertEquals(6, summary.indexSpecs());
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(SIX, stacksOf(view, "develop"));
      assertEquals(List.of(new TagSummary("develop", 4, 6, List.of())), view.tags());
    }
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(base + "/one-v3", probe.userData().get(IndexSchema.DATA_BUILT_FROM));
    }
  }

  @Test
  void aBlobWhoseChecksumDiffersIsRefusedAndTheTagKeepsWhatTheLastIngestCommitted()
      throws IOException {
    v2Mirror(
        served.resolve("before"), Files.readAllBytes(TWO_OF_SIX.resolve("build_cache/index.json")));
    String sha = v3Mirror(served.resolve("tampered"), Files.readAllBytes(SPACK_INDEX));
    // Byte 4 is the gzip header's modification time: the blob still unpacks to the same six
    // binaries, so only the checksum can tell.
    Path blob = served.resolve("tampered").resolve(blobPath(sha));
    byte[] bytes = Files.readAllBytes(blob);
    bytes[4] ^= 1;
    Files.write(blob, bytes);
    String actual = sha256(bytes);
    Path index = tmp.resolve("index");
    ingest(index, List.of(), new IngestRun.BuildCache(base + "/before", "develop", null));

    IngestSummary summary =
        ingest(index, List.of(), new IngestRun.BuildCache(base + "/tampered", "develop", null));

    assertEquals(
        List.of(
            Problem.error(
                base + "/tampered/" + blobPath(sha),
                0,
                "sha256 checksum mismatch: expected "
                    + sha
                    + ", actual "
                    + actual
                    + "; tag develop keeps what it had")),
        summary.problems());
    assertEquals(
        List.of(0, 0, 1), List.of(summary.pages(), summary.specs(), summary.failedPages()));
    assertEquals(Set.of(), summary.tags());
    assertEquals(List.of(), summary.prunedPages());
    assertTrue(summary.committed());
    assertEquals(2, summary.indexSpecs());
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(noStacks(LIBELF_CORE2, LIBDWARF_CORE2), stacksOf(view, "develop"));
      assertEquals(2, view.numSpecs());
    }
  }

  @Test
  void aTagWithOneFailingSourceKeepsWhatItHadWhileAnotherTagIsReplaced() throws IOException {
    v3Mirror(served.resolve("whole"), Files.readAllBytes(SPACK_INDEX));
    Path index = tmp.resolve("index");
    ingest(index, List.of(), new IngestRun.BuildCache(TWO_OF_SIX.toString(), "develop", null));

    IngestSummary summary =
        ingest(
            index,
            List.of(),
            new IngestRun.BuildCache(base + "/whole", "develop", "e4s"),
            new IngestRun.BuildCache(base + "/nowhere", "develop", "ml"),
            new IngestRun.BuildCache(base + "/whole", "v1.0.0", "e4s"));

    assertEquals(
        List.of(
            Problem.error(
                base + "/nowhere",
                0,
                "no build-cache index: neither v3/manifests/index/index.manifest.json nor"
                    + " build_cache/index.json exists; tag develop keeps what it had")),
        summary.problems());
    assertEquals(Set.of("v1.0.0"), summary.tags());
    assertEquals(
        List.of(4, 6, 1), List.of(summary.pages(), summary.specs(), summary.failedPages()));
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(noStacks(LIBELF_CORE2, LIBDWARF_CORE2), stacksOf(view, "develop"));
      Map<String, Set<String>> e4s = new TreeMap<>();
      SIX.keySet().forEach(h -> e4s.put(h, Set.of("e4s")));
      assertEquals(e4s, stacksOf(view, "v1.0.0"));
      assertEquals(8, view.numSpecs());
    }
  }

  // --- a catalogue over HTTP ---

  static final String ZLIB_13 = hash("zlibthree");
  static final String ZLIB_12 = hash("zlibtwo");
  static final String ZLIB_DEV = hash("zlibdev");
  static final String CMAKE = hash("cmake");
  static final String TORCH = hash("pytorch");
  static final String HDF5 = hash("hdffive");

  /**
   * Two releases of two stacks each, every index served a different way (v3 mirror root, v2
   * index.json, a v3 blob named directly, v2 mirror root); zlib is in both stacks of each release,
   * cmake in both releases.
   */
  static String serveCatalogue() throws IOException {
    Path root = served.resolve("catalogue");
    v3Mirror(
        root.resolve("v1-e4s"),
        database(binary(ZLIB_13, "zlib", "1.3.1"), binary(CMAKE, "cmake", "3.30.5")));
    v2Mirror(
        root.resolve("v1-ml"),
        database(
            binary(ZLIB_12, "zlib", "1.2.13"),
            binary(ZLIB_13, "zlib", "1.3.1"),
            binary(TORCH, "py-torch", "2.5.1")));
    String devE4s =
        v3Mirror(
            root.resolve("dev-e4s"),
            database(binary(CMAKE, "cmake", "3.30.5"), binary(ZLIB_DEV, "zlib", "1.3.1")));
    v2Mirror(
        root.resolve("dev-root"),
        database(binary(HDF5, "hdf5", "1.14.5"), binary(ZLIB_DEV, "zlib", "1.3.1")));
    String at = base + "/catalogue/";
    String catalogue =
        "{\"v1.0.0\": [{\"label\": \"e4s\", \"url\": \""
            + at
            + "v1-e4s\"}, {\"label\": \"ml\", \"url\": \""
            + at
            + "v1-ml/build_cache/index.json\"}], \"develop\": [{\"label\": \"e4s\", \"url\": \""
            + at
            + "dev-e4s/"
            + blobPath(devE4s)
            + "\"}, {\"label\": \"root\", \"url\": \""
            + at
            + "dev-root\"}]}";
    write(root.resolve("cache_spack_io_index.json"), catalogue.getBytes(UTF_8));
    return at + "cache_spack_io_index.json";
  }

  @Test
  void aCatalogueOfTwoReleasesGivesEachBinaryTheStacksWhoseIndexHoldsIt() throws Exception {
    String catalogue = serveCatalogue();
    List<IngestRun.BuildCache> caches = new ArrayList<>();
    for (CatalogEntry e : Catalog.read(catalogue, new HttpFetcher())) {
      caches.add(new IngestRun.BuildCache(e.location(), e.release(), e.stack()));
    }
    Path index = tmp.resolve("index");

    IngestSummary summary = ingest(index, List.of(), caches.toArray(new IngestRun.BuildCache[0]));

    assertEquals(List.of(), summary.problems());
    assertEquals(Set.of("develop", "v1.0.0"), summary.tags());
    assertEquals(List.of(6, 7), List.of(summary.pages(), summary.specs()));
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(
          Map.of(
              ZLIB_13, Set.of("e4s", "ml"),
              ZLIB_12, Set.of("ml"),
              CMAKE, Set.of("e4s"),
              TORCH, Set.of("ml")),
          stacksOf(view, "v1.0.0"));
      assertEquals(
          Map.of(ZLIB_DEV, Set.of("e4s", "root"), CMAKE, Set.of("e4s"), HDF5, Set.of("root")),
          stacksOf(view, "develop"));
      assertEquals(
          List.of(
              new TagSummary("develop", 3, 3, List.of("e4s", "root")),
              new TagSummary("v1.0.0", 3, 4, List.of("e4s", "ml"))),
          view.tags());
      assertEquals(List.of("develop", "v1.0.0"), view.tagsOf(CMAKE));
    }
  }

  // --- an index replaces its tag ---

  /** The sample's develop pages, one per package directory, in the order of their keys. */
  static List<PageKey> sampleDevelopPages() throws IOException {
    try (Stream<Path> dirs = Files.list(SAMPLE.resolve("_cache/develop"))) {
      return dirs.map(d -> d.getFileName().toString())
          .sorted()
          .map(name -> new PageKey("develop", name))
          .toList();
    }
  }

  static List<TagSummary> withDevelop(TagSummary develop) {
    List<TagSummary> tags = new ArrayList<>(List.of(develop));
    tags.addAll(SAMPLE_DATED_AND_RELEASED);
    return tags;
  }

  @Test
  void anIndexReplacesItsWholeTagAndASmallerOneRemovesTheBinariesItNoLongerHolds()
      throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(List.of(), ingest(index, List.of(SAMPLE)).problems());

    IngestSummary whole =
        ingest(
            index, List.of(), new IngestRun.BuildCache(SPACK_MIRROR.toString(), "develop", null));
    assertEquals(List.of(), whole.problems());
    assertEquals(sampleDevelopPages(), whole.prunedPages());
    assertEquals(879, whole.prunedSpecs());
    assertEquals(6 + 2 + 3 + 21, whole.indexSpecs());
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(SIX, stacksOf(view, "develop"));
      assertEquals(withDevelop(new TagSummary("develop", 4, 6, List.of())), view.tags());
    }

    IngestSummary smaller =
        ingest(index, List.of(), new IngestRun.BuildCache(TWO_OF_SIX.toString(), "develop", null));

    assertEquals(List.of(), smaller.problems());
    assertEquals(
        List.of(new PageKey("develop", "compiler-wrapper"), new PageKey("develop", "gcc-runtime")),
        smaller.prunedPages());
    assertEquals(2, smaller.prunedSpecs());
    assertEquals(2 + 2 + 3 + 21, smaller.indexSpecs());
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(noStacks(LIBELF_CORE2, LIBDWARF_CORE2), stacksOf(view, "develop"));
      assertEquals(withDevelop(new TagSummary("develop", 2, 2, List.of())), view.tags());
      assertEquals(List.of(), view.tagsOf(LIBELF_M1));
      assertEquals(List.of(), view.tagsOf(WRAPPER));
    }
  }

  @Test
  void anIndexWithoutBinariesEmptiesItsTagAndLeavesTheOthers() throws IOException {
    v2Mirror(served.resolve("empty-v2"), database());
    Path index = tmp.resolve("index");
    ingest(
        index,
        List.of(),
        new IngestRun.BuildCache(TWO_OF_SIX.toString(), "develop", null),
        new IngestRun.BuildCache(TWO_OF_SIX.toString(), "v1.0.0", null));

    IngestSummary summary =
        ingest(index, List.of(), new IngestRun.BuildCache(base + "/empty-v2", "develop", null));

    assertEquals(List.of(), summary.problems());
    assertEquals(
        List.of(new PageKey("develop", "libdwarf"), new PageKey("develop", "libelf")),
        summary.prunedPages());
    assertEquals(2, summary.prunedSpecs());
    assertEquals(2, summary.indexSpecs());
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(List.of(new TagSummary("v1.0.0", 2, 2, List.of())), view.tags());
    }
  }

  // --- pages and an index side by side ---

  static final Variant GENERIC = Variant.parse("build_system=generic");

  @Test
  void aPackageFromAPageFileAndAnIndexInOneRunIsADuplicateAndOnlyTheFirstIsIndexed()
      throws IOException {
    Path index = tmp.resolve("index");
    Path page = tmp.resolve("pages/_cache/mock/libelf/specs.md");
    Files.createDirectories(page.getParent());
    Files.writeString(
        page,
        "---\ntitle: \"libelf\"\nlayout: cache\ncategories: [package, mock]\nspec_details:"
            + " [{\"compiler\": \"none\", \"hash\": \""
            + hash("libelfpage")
            + "\", \"os\": \"ubuntu22.04\", \"platform\": \"linux\", \"target\":"
            + " \"x86_64_v3\", \"versions\": [\"0.8.13\"]}]\n---\n",
        StandardCharsets.UTF_8);

    IngestSummary summary =
        ingest(
            index,
            List.of(tmp.resolve("pages")),
            new IngestRun.BuildCache(SPACK_INDEX.toString(), "mock", null));

    assertEquals(
        List.of(
            SPACK_INDEX
                + ": duplicate page: mock/libelf is also read from "
                + page
                + "; only that one is indexed"),
        summary.problems().stream().map(Object::toString).toList());
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      assertEquals(List.of(new TagSummary("mock", 4, 5, List.of())), view.tags());
    }
  }

  @Test
  void pagesAndAnIndexInOneIngestAnswerTogetherEachWithTheFieldsItsSourceHas() throws IOException {
    Path index = tmp.resolve("index");

    IngestSummary summary =
        ingest(
            index, List.of(SAMPLE), new IngestRun.BuildCache(SPACK_INDEX.toString(), "mock", null));

    assertEquals(List.of(), summary.problems());
    assertEquals(List.of(73 + 4, 905 + 6), List.of(summary.pages(), summary.specs()));
    try (SearchIndex search = open(index);
        IndexView view = search.acquire()) {
      List<TagSummary> tags = new ArrayList<>();
      tags.add(new TagSummary("develop", 58, 879, SAMPLE_DEVELOP_STACKS));
      tags.addAll(SAMPLE_DATED_AND_RELEASED.subList(0, 2));
      tags.add(new TagSummary("mock", 4, 6, List.of()));
      tags.add(SAMPLE_DATED_AND_RELEASED.get(2));
      assertEquals(tags, view.tags());
      assertEquals(pageSpec(), only(view, "hash:q5xl3h77ochzhs4f5ebpjdsnetuvze55"));
      assertEquals(indexSpec(), only(view, "hash:" + LIBDWARF_CORE2));
    }
  }

  /** As the page {@code _cache/v0.23.0/adept-utils/specs.md} writes it: no dependencies. */
  static SpecHit pageSpec() {
    String tarball =
        "https://binaries.spack.io/v0.23.0/build_cache/linux-ubuntu22.04-x86_64_v3/gcc-11.4.0/"
            + "adept-utils-1.0.1/linux-ubuntu22.04-x86_64_v3-gcc-11.4.0-adept-utils-1.0.1-"
            + "q5xl3h77ochzhs4f5ebpjdsnetuvze55.spack";
    Spec spec =
        new Spec(
            "q5xl3h77ochzhs4f5ebpjdsnetuvze55",
            Compiler.parse("gcc@=11.4.0"),
            "ubuntu22.04",
            "linux",
            "x86_64_v3",
            Stream.of("build_system=cmake", "build_type=Release", "generator=make", "~ipo")
                .map(Variant::parse)
                .toList(),
            List.of("1.0.1"),
            List.of("root", "tutorial"),
            null,
            Map.of("tarball", "\"" + tarball + "\""),
            List.of(),
            List.of());
    return new SpecHit("adept-utils", "v0.23.0", spec);
  }

  /**
   * As Spack's index records libdwarf for core2: its compiler in {@code annotations}, its one
   * dependency, its namespace; no size, no stacks, no tarball.
   */
  static SpecHit indexSpec() {
    Dependency libelf =
        new Dependency(
            "libelf",
            "0.8.13",
            LIBELF_CORE2,
            List.of("build", "link"),
            List.of(),
            List.of(GENERIC),
            false);
    Spec spec =
        new Spec(
            LIBDWARF_CORE2,
            Compiler.parse("gcc@=10.2.1"),
            "debian6",
            "test",
            "core2",
            List.of(GENERIC),
            List.of("20130729"),
            List.of(),
            null,
            Map.of("namespace", "\"builtin.mock\""),
            List.of(libelf),
            List.of());
    return new SpecHit("libdwarf", "mock", spec);
  }
}
