package org.spack.cachesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.ingest.PageKey;

class IngestRunTest {
  @TempDir Path tmp;

  private IngestSummary ingest(Path tree, Path index, boolean prune, boolean strict)
      throws IOException {
    return new IngestRun(
            new IngestRun.Options(List.of(tree), index, prune, strict, 2), IngestProgress.NONE)
        .run();
  }

  @Test
  void theWholeCorpusIngestsWithoutErrorsAndEveryPageHasItsMetaNumSpecs() throws IOException {
    Path index = tmp.resolve("index");
    IngestSummary summary = ingest(Corpus.cacheTree(), index, false, false);
    List<Corpus.RawPage> pages = Corpus.rawPages(Corpus.cacheTree());

    assertEquals(List.of(), summary.problems());
    assertEquals(pages.size(), summary.pages());
    assertEquals(73, summary.pages());
    assertEquals(905, summary.specs());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(905, probe.numDocs());
      for (Corpus.RawPage page : pages) {
        assertEquals(
            page.numSpecs(), probe.pageCount(page.tag(), page.name()), page.file().toString());
      }
    }
  }

  @Test
  void targetAndCompilerFacetsEqualCountsComputedFromThePageFiles() throws IOException {
    Path index = tmp.resolve("index");
    ingest(Corpus.cacheTree(), index, false, false);
    List<Corpus.RawPage> pages = Corpus.rawPages(Corpus.cacheTree());
    // The compiler facet spells gcc@=11.4.0 (older pages) and gcc@11.4.0 (newer) as one value.
    Map<String, Integer> compilers =
        countFromFiles(pages, s -> s.get("compiler").asText().replace("@=", "@"));
    Map<String, Integer> targets = countFromFiles(pages, s -> s.get("target").asText());

    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(targets, probe.facet(SpecField.TARGET.indexField()));
      assertEquals(compilers, probe.facet(SpecField.COMPILER.indexField()));
    }
    assertEquals(395, compilers.get("gcc@11.4.0"));
  }

  private static Map<String, Integer> countFromFiles(
      List<Corpus.RawPage> pages, Function<JsonNode, String> value) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Corpus.RawPage page : pages) {
      page.specs().forEach(spec -> counts.merge(value.apply(spec), 1, Integer::sum));
    }
    return counts;
  }

  @Test
  void ingestingTheSameTreeTwiceGivesTheSameIndex() throws IOException {
    Path index = tmp.resolve("index");
    ingest(Corpus.cacheTree(), index, false, false);
    Map<String, Integer> targets;
    Map<String, Integer> stacks;
    try (IndexProbe probe = new IndexProbe(index)) {
      targets = probe.facet(SpecField.TARGET.indexField());
      stacks = probe.facet(SpecField.STACK.indexField());
    }
    IngestSummary again = ingest(Corpus.cacheTree(), index, false, false);

    assertEquals(905, again.indexSpecs());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(905, probe.numDocs());
      assertEquals(targets, probe.facet(SpecField.TARGET.indexField()));
      assertEquals(stacks, probe.facet(SpecField.STACK.indexField()));
    }
  }

  @Test
  void pruneRemovesExactlyTheSpecsOfADeletedPage() throws IOException {
    Path tree = copyOfCorpus();
    Path index = tmp.resolve("index");
    ingest(tree, index, false, false);
    Files.delete(tree.resolve("_cache/develop/yoda/specs.md"));

    IngestSummary withoutPrune = ingest(tree, index, false, false);
    assertEquals(905, withoutPrune.indexSpecs());
    IngestSummary pruned = ingest(tree, index, true, false);

    assertEquals(List.of(new PageKey("develop", "yoda")), pruned.prunedPages());
    assertEquals(42, pruned.prunedSpecs());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(905 - 42, probe.numDocs());
      assertEquals(0, probe.pageCount("develop", "yoda"));
      assertEquals(124, probe.pageCount("develop", "py-filelock"));
    }
  }

  @Test
  void pruneLeavesTagsTheTreesDoNotCover() throws IOException {
    Path tree = copyOfCorpus();
    Path index = tmp.resolve("index");
    ingest(tree, index, false, false);

    IngestSummary summary = ingest(tree.resolve("_cache/v0.23.0"), index, true, false);

    assertEquals(List.of(), summary.prunedPages());
    assertEquals(905, summary.indexSpecs());
  }

  @Test
  void aPageThatTurnsBadKeepsWhatItHadIndexedEvenWhenPruning() throws IOException {
    Path tree = copyOfCorpus();
    Path index = tmp.resolve("index");
    ingest(tree, index, false, false);
    Files.writeString(tree.resolve("_cache/develop/yoda/specs.md"), "no front matter\n");

    IngestSummary summary = ingest(tree, index, true, false);

    assertEquals(1, summary.errors());
    assertEquals(1, summary.failedPages());
    assertTrue(summary.committed());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(42, probe.pageCount("develop", "yoda"));
      assertEquals(905, probe.numDocs());
    }
  }

  @Test
  void strictCommitsNothingWhenAnyPageFails() throws IOException {
    Path tree = copyOfCorpus();
    Path index = tmp.resolve("index");
    ingest(tree.resolve("_cache/v0.23.0"), index, false, false);
    Files.writeString(tree.resolve("_cache/develop/yoda/specs.md"), "---\ntitle: [\n---\n");

    IngestSummary summary = ingest(tree, index, false, true);

    assertFalse(summary.committed());
    assertEquals(21, summary.indexSpecs());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(21, probe.numDocs());
    }
  }

  @Test
  void anIndexOfAnotherSchemaVersionIsRefusedForReadingAndReplacedByIngest() throws IOException {
    Path index = tmp.resolve("index");
    try (SpecIndexer old = new SpecIndexer(index)) {
      old.commit(Map.of(IndexSchema.DATA_VERSION, "0"));
    }
    IndexVersionException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IndexVersionException.class, () -> SpecIndex.open(index).close());
    assertEquals(
        "index at "
            + index
            + " has schema version 0 but this build reads version "
            + IndexSchema.VERSION
            + ": re-ingest it (spack-cache-search ingest <pages>... --index "
            + index
            + ")",
        refused.getMessage());

    IngestSummary summary =
        ingest(Corpus.cacheTree().resolve("_cache/v0.23.0"), index, false, false);

    assertEquals(21, summary.indexSpecs());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(
          String.valueOf(IndexSchema.VERSION), probe.userData().get(IndexSchema.DATA_VERSION));
      assertEquals(
          Corpus.cacheTree().resolve("_cache/v0.23.0").toAbsolutePath().normalize().toString(),
          probe.userData().get(IndexSchema.DATA_BUILT_FROM));
    }
  }

  @Test
  void twoFilesForOnePageAreAnErrorAndOnlyOneIsIndexed() throws IOException {
    Path tree = tmp.resolve("tree");
    Path page = Corpus.cacheTree().resolve("_cache/develop/aida/specs.md");
    Files.createDirectories(tree.resolve("a"));
    Files.createDirectories(tree.resolve("b"));
    Files.copy(page, tree.resolve("a/specs.md"));
    Files.copy(page, tree.resolve("b/specs.md"));

    IngestSummary summary = ingest(tree, tmp.resolve("index"), false, false);

    assertEquals(1, summary.pages());
    assertEquals(1, summary.errors());
    assertTrue(
        summary
            .problems()
            .get(0)
            .message()
            .startsWith("duplicate page: develop/aida is also read from "));
    assertEquals(1, summary.indexSpecs());
  }

  private Path copyOfCorpus() throws IOException {
    Path tree = tmp.resolve("tree");
    try (var files = Files.walk(Corpus.cacheTree())) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = tree.resolve(Corpus.cacheTree().relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return tree;
  }
}
