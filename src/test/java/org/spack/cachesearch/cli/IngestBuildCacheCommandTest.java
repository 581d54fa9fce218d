package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.LoopbackFiles;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.ResultPage;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.Selection;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;
import picocli.CommandLine;

/** {@code ingest} of build-cache indexes: mirror directories, URLs and catalogues. */
class IngestBuildCacheCommandTest {
  /** Spack's own test mirror (database v8, layout v2): six binaries. */
  static final Path SPACK_MIRROR = Path.of("src/test/resources/buildcache/v2_layout/unsigned");

  /** Two of those six binaries (libelf and libdwarf for core2), as a v2 mirror. */
  static final Path TWO_OF_SIX = Path.of("src/test/resources/mirrors/ingest/two-of-six");

  static final String LIBELF_CORE2 = "rqh2vuf6fqwkmipzgi2wjx352mq7y7ez";
  static final String LIBDWARF_CORE2 = "sk2gqqz4n5njmvktycnd25wq25jxiqkr";
  static final String LIBELF_M1 = "jr3yipyxyjulcdvckwwwjrrumis7glpa";
  static final String LIBDWARF_M1 = "u5uz3dcch5if4eve4sef67o2rf2lbfgh";
  static final String WRAPPER = "qeehcxyvluwnihsc2qxstmpomtxo3lrc";
  static final String RUNTIME = "izgzpzeljwairalfjm3k6fntbb64nt6n";
  static final List<String> SIX =
      List.of(LIBELF_CORE2, LIBDWARF_CORE2, LIBELF_M1, LIBDWARF_M1, WRAPPER, RUNTIME);

  @TempDir static Path served;
  static LoopbackFiles files;
  static String base;

  @TempDir Path tmp;
  private StringWriter out;
  private StringWriter err;

  @BeforeAll
  static void start() throws IOException {
    files = LoopbackFiles.serve(served);
    base = files.base();
  }

  @AfterAll
  static void stop() {
    files.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  /** The lines of stderr that are not progress ({@code ingest: ...}). */
  private List<String> errLines() {
    return err.toString().lines().filter(l -> !l.startsWith("ingest: ")).toList();
  }

  /** Asserts the summary's lines but the elapsed time. */
  private void assertSummary(String... lines) {
    List<String> printed = out.toString().lines().toList();
    assertEquals(lines.length + 1, printed.size(), out.toString());
    assertTrue(printed.get(lines.length - 1).startsWith("elapsed   "), out.toString());
    List<String> withoutElapsed = new ArrayList<>(printed);
    withoutElapsed.remove(lines.length - 1);
    assertEquals(List.of(lines), withoutElapsed);
  }

  /** A v3 mirror: the gzip blob of {@code json} and the manifest naming it; its sha256. */
  static String v3Mirror(Path root, byte[] json) throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(gzip)) {
      gz.write(json);
    }
    byte[] blob = gzip.toByteArray();
    String sha = sha256(blob);
    Path file = root.resolve(blobPath(sha));
    Files.createDirectories(file.getParent());
    Files.write(file, blob);
    Path manifest = root.resolve("v3/manifests/index/index.manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(
        manifest,
        "{\"version\": 3, \"data\": [{\"contentLength\": "
            + blob.length
            + ", \"mediaType\": \"application/vnd.spack.db.v8+json\", \"compression\": \"gzip\","
            + " \"checksumAlgorithm\": \"sha256\", \"checksum\": \""
            + sha
            + "\"}]}");
    return sha;
  }

  static String blobPath(String sha) {
    return "blobs/sha256/" + sha.substring(0, 2) + "/" + sha;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every spec of a tag (at most 100), hash to the set of its stacks. */
  static Map<String, Set<String>> stacksOf(Path index, String tag) throws IOException {
    try (SearchIndex search = SearchIndex.open(index, Limits.DEFAULT, Duration.ofHours(1));
        IndexView view = search.acquire()) {
      SpecFilter inTag = SpecFilter.of(SpecField.TAG, tag);
      ResultPage<SpecHit> page =
          view.search(new SpecRequest(Selection.of(null, inTag), 100, null, SortOrder.HASH, true));
      assertFalse(page.hasNext());
      Map<String, Set<String>> stacks = new TreeMap<>();
      page.nodes().forEach(h -> stacks.put(h.hash(), Set.copyOf(h.stacks())));
      return stacks;
    }
  }

  static Map<String, Set<String>> inStacks(List<String> hashes, String... stacks) {
    Map<String, Set<String>> map = new TreeMap<>();
    hashes.forEach(h -> map.put(h, Set.of(stacks)));
    return map;
  }

  @Test
  void aMirrorDirectoryWithTagIsIngestedUnderThatTag() throws IOException {
    Path index = tmp.resolve("i");

    int code = run("ingest", SPACK_MIRROR.toString(), "--tag", "develop", "--index", index + "");

    assertEquals(0, code, err.toString());
    assertSummary(
        "pages     4 indexed, 0 with errors, 0 legacy skipped",
        "specs     6",
        "tags      1 [develop]",
        "warnings  0",
        "errors    0",
        "index     " + index + ": committed, 6 specs");
    assertEquals(List.of(), errLines());
    assertEquals(inStacks(SIX), stacksOf(index, "develop"));
  }

  @Test
  void aBuildCacheSourceWithoutTagIsAUsageErrorWith64() {
    Path index = tmp.resolve("i");

    int code = run("ingest", SPACK_MIRROR.toString(), "--index", index.toString());

    assertEquals(64, code);
    assertEquals(
        "error: the build-cache index " + SPACK_MIRROR + " needs --tag NAME",
        err.toString().lines().findFirst().orElseThrow());
    assertFalse(Files.exists(index));

    assertEquals(64, run("ingest", base + "/anywhere", "--index", index.toString()));
    assertEquals(
        "error: the build-cache index " + base + "/anywhere needs --tag NAME",
        err.toString().lines().findFirst().orElseThrow());
    assertFalse(Files.exists(index));
  }

  @Test
  void aLocalCatalogueOfFileAndLoopbackIndexesFilesEachReleaseAsATag() throws IOException {
    v3Mirror(
        served.resolve("two-of-six"),
        Files.readAllBytes(TWO_OF_SIX.resolve("build_cache/index.json")));
    Path catalogue = tmp.resolve("cache_spack_io_index.json");
    Files.writeString(
        catalogue,
        "{\"v1.0.0\": [{\"label\": \"e4s\", \"url\": \""
            + SPACK_MIRROR.toAbsolutePath().toUri()
            + "\"}, {\"label\": \"ml\", \"url\": \""
            + base
            + "/two-of-six\"}], \"develop\": [{\"label\": \"root\", \"url\": \""
            + TWO_OF_SIX.resolve("build_cache/index.json").toAbsolutePath().toUri()
            + "\"}]}");
    Path index = tmp.resolve("i");

    int code = run("ingest", "--catalog", catalogue.toString(), "--index", index.toString());

    assertEquals(0, code, err.toString());
    assertSummary(
        "pages     6 indexed, 0 with errors, 0 legacy skipped",
        "specs     8",
        "tags      2 [develop, v1.0.0]",
        "warnings  0",
        "errors    0",
        "index     " + index + ": committed, 8 specs");
    Map<String, Set<String>> release = inStacks(SIX, "e4s");
    release.putAll(inStacks(List.of(LIBELF_CORE2, LIBDWARF_CORE2), "e4s", "ml"));
    assertEquals(release, stacksOf(index, "v1.0.0"));
    assertEquals(
        inStacks(List.of(LIBELF_CORE2, LIBDWARF_CORE2), "root"), stacksOf(index, "develop"));
  }

  @Test
  void aMissingCatalogueIsADataErrorAndNothingIsIngested() {
    Path index = tmp.resolve("i");
    Path none = tmp.resolve("none.json");

    int code = run("ingest", "--catalog", none.toString(), "--index", index.toString());

    assertEquals(65, code);
    assertEquals(List.of("error: " + none + ": no such file"), errLines());
    assertEquals("", out.toString());
    assertFalse(Files.exists(index));
  }

  @Test
  void aFailingSourcePrintsItsProblemExitsWith65AndTheIndexKeepsWhatItHad() throws IOException {
    Path index = tmp.resolve("i");
    assertEquals(
        0, run("ingest", TWO_OF_SIX.toString(), "--tag", "develop", "--index", "" + index));
    // The same six-binary index, its blob's gzip modification time (byte 4) changed: it still
    // unpacks, so only the checksum refuses it.
    Path tampered = tmp.resolve("tampered");
    String sha =
        v3Mirror(tampered, Files.readAllBytes(SPACK_MIRROR.resolve("build_cache/index.json")));
    Path blob = tampered.resolve(blobPath(sha));
    byte[] bytes = Files.readAllBytes(blob);
    bytes[4] ^= 1;
    Files.write(blob, bytes);

    int code = run("ingest", tampered.toString(), "--tag", "develop", "--index", index.toString());

    assertEquals(65, code);
    assertEquals(
        List.of(
            blob
                + ": sha256 checksum mismatch: expected "
                + sha
                + ", actual "
                + sha256(bytes)
                + "; tag develop keeps what it had"),
        errLines());
    assertSummary(
        "pages     0 indexed, 1 with errors, 0 legacy skipped",
        "specs     0",
        "tags      0 []",
        "warnings  0",
        "errors    1",
        "index     " + index + ": committed, 2 specs");
    assertEquals(inStacks(List.of(LIBELF_CORE2, LIBDWARF_CORE2)), stacksOf(index, "develop"));
  }

  @Test
  void aLoopbackMirrorWithoutAnIndexIsAProblemAndExitsWith65() throws IOException {
    Path index = tmp.resolve("i");
    assertEquals(
        0, run("ingest", SPACK_MIRROR.toString(), "--tag", "develop", "--index", "" + index));

    int code = run("ingest", base + "/empty", "--tag", "develop", "--index", index.toString());

    assertEquals(65, code);
    assertEquals(
        List.of(
            base
                + "/empty: no build-cache index: neither v3/manifests/index/index.manifest.json nor"
                + " build_cache/index.json exists; tag develop keeps what it had"),
        errLines());
    assertEquals(inStacks(SIX), stacksOf(index, "develop"));
  }
}
