package org.spack.cachesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.PageFinder;
import org.spack.cachesearch.ingest.PageReader;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;

class StoredSpecTest {
  private static final String HASH = "abcdefghijklmnopqrstuvwxyz234567";

  private static SpecHit roundTrip(SpecHit hit) {
    byte[] bytes = StoredSpec.encode(hit);
    // Read from the middle of a larger array, as Lucene hands stored bytes over.
    byte[] padded = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    return StoredSpec.decode(padded, 3, bytes.length);
  }

  /** A spec of one version and no variants, in {@code stacks}, with {@code closure} below it. */
  private static Spec plain(List<String> stacks, List<Dependency> closure) {
    return new Spec(
        HASH,
        Compiler.parse("none"),
        "rhel8",
        "linux",
        "x86_64",
        List.of(),
        List.of("1"),
        stacks,
        null,
        Map.of(),
        List.of(),
        closure);
  }

  @Test
  void everySpecOfTheCorpusReadsBackAsItWasRead() throws IOException {
    PageReader reader = new PageReader();
    int specs = 0;
    for (Path file : PageFinder.find(List.of(Corpus.cacheTree()))) {
      Page page = reader.read(file).page();
      assertNotNull(page, file.toString());
      for (Spec spec : page.specs()) {
        SpecHit hit = new SpecHit(page.name(), page.tag(), spec);
        assertEquals(hit, roundTrip(hit), file + " " + spec.hash());
        specs++;
      }
    }
    assertEquals(905, specs); // the corpus's MANIFEST.tsv
  }

  @Test
  void dependenciesUnknownFieldsAndEdgeValuesReadBack() {
    Dependency zlib =
        new Dependency(
            "zlib-ng",
            "2.2.1",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
            List.of("build", "link"),
            List.of("zlib-api"),
            List.of(Variant.parse("+shared"), Variant.parse("cflags:=-O2 -g")),
            false);
    Dependency gcc =
        new Dependency(
            "gcc",
            "13.3.0",
            "gggggggggggggggggggggggggggggggg",
            List.of(),
            List.of(),
            List.of(),
            true);
    for (Long size : Arrays.asList(null, 0L, 1L, Long.MAX_VALUE - 1)) {
      Spec spec =
          new Spec(
              HASH,
              Compiler.parse("gcc@=13.3.0"),
              "ubuntu24.04",
              "linux",
              "zen3",
              List.of(Variant.parse("build_system=cmake"), Variant.parse("~ipo")),
              List.of("1.3.1", "develop"),
              List.of(),
              size,
              Map.of("tarball", "{\"url\": \"ü/x.tar.gz\", \"n\": [1, 2]}"),
              List.of(zlib, gcc),
              List.of());
      SpecHit hit = new SpecHit("py-zlib ✓", "develop-2026-11-29", spec);
      assertEquals(hit, roundTrip(hit), "size " + size);
    }
  }

  @Test
  void theClosureIsIndexedNotStored() {
    Dependency d =
        new Dependency(
            "zlib",
            "1.3",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
            List.of(),
            List.of(),
            List.of(),
            false);
    Spec spec = plain(List.of("root"), List.of(d));
    assertEquals(List.of(), roundTrip(new SpecHit("a", "b", spec)).spec().closure());
  }

  @Test
  void bytesThatAreNotAStoredSpecFailNamingWhy() {
    Spec spec = plain(List.of(), List.of());
    byte[] bytes = StoredSpec.encode(new SpecHit("zlib", "develop", spec));

    IllegalStateException cut =
        assertThrows(IllegalStateException.class, () -> StoredSpec.decode(bytes, 0, 20));
    assertEquals(
        "index holds an unreadable spec: java.lang.IllegalStateException: the stored spec runs "
            + (bytes.length - 20)
            + " bytes past its 20",
        cut.getMessage());
    byte[] short20 = Arrays.copyOf(bytes, 20);
    IllegalStateException shorter =
        assertThrows(IllegalStateException.class, () -> StoredSpec.decode(short20, 0, 20));
    // The hash ends at byte 1 + (1 + 4) + (1 + 7) + 1 + 32 = 47: format, "zlib", "develop", hash.
    assertEquals(
        "index holds an unreadable spec: java.lang.ArrayIndexOutOfBoundsException:"
            + " arraycopy: last source index 47 out of bounds for byte[20]",
        shorter.getMessage());

    byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
    IllegalStateException trailing =
        assertThrows(
            IllegalStateException.class, () -> StoredSpec.decode(longer, 0, longer.length));
    assertEquals(
        "index holds an unreadable spec: java.lang.IllegalStateException:"
            + " 2 bytes after the stored spec",
        trailing.getMessage());

    byte[] json = "{\"package\": \"zlib\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    IllegalStateException foreign =
        assertThrows(IllegalStateException.class, () -> StoredSpec.decode(json, 0, json.length));
    assertEquals(
        "index holds an unreadable spec: java.lang.IllegalStateException:"
            + " stored spec of format 123, not 1",
        foreign.getMessage());
  }
}
