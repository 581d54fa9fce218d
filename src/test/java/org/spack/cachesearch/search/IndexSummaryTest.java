package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecIndexer;

class IndexSummaryTest {
  private static final List<String> TAGS =
      List.of("develop", "develop-2025-03-23", "develop-2025-03-30", "v0.23.0");

  @TempDir static Path tmp;
  private static SearchIndex index;
  private static List<Path> roots;
  private static Instant started;
  private static Instant finished;

  @BeforeAll
  static void ingestEachTagOfTheCorpusAsItsOwnRoot() throws IOException {
    roots = TAGS.stream().map(tag -> Corpus.cacheTree().resolve("_cache").resolve(tag)).toList();
    started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    index = TestIndex.of(tmp.resolve("index"), roots.toArray(Path[]::new));
    finished = Instant.now();
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  /** Each tag's packages, specs and stacks, counted from the page files. */
  private static List<TagSummary> tagsFromFiles() {
    Map<String, TreeSet<String>> packages = new TreeMap<>();
    Map<String, Integer> specs = new TreeMap<>();
    Map<String, TreeSet<String>> stacks = new TreeMap<>();
    for (RawSpec s : Corpus.rawSpecs(Corpus.cacheTree())) {
      packages.computeIfAbsent(s.tag(), t -> new TreeSet<>()).add(s.name());
      specs.merge(s.tag(), 1, Integer::sum);
      stacks.computeIfAbsent(s.tag(), t -> new TreeSet<>()).addAll(s.strings("stacks"));
    }
    return packages.keySet().stream()
        .map(
            tag ->
                new TagSummary(
                    tag, packages.get(tag).size(), specs.get(tag), List.copyOf(stacks.get(tag))))
        .toList();
  }

  @Test
  void tagsListEveryTagByNameWithTheCountsAndStacksOfItsPages() throws IOException {
    List<TagSummary> tags;
    try (IndexView view = index.acquire()) {
      tags = view.tags();
    }

    assertEquals(tagsFromFiles(), tags);
    assertEquals(
        List.of(
            "develop 58 879", "develop-2025-03-23 1 2", "develop-2025-03-30 2 3", "v0.23.0 12 21"),
        tags.stream().map(t -> t.name() + " " + t.numPackages() + " " + t.numSpecs()).toList());
    assertEquals(List.of("e4s", "hep", "ml-linux-x86_64-rocm", "root"), tags.get(2).stacks());
  }

  @Test
  void statsCountSpecsPackagesAndTagsAndSayHowTheIndexWasBuilt() throws IOException {
    IndexStats stats;
    try (IndexView view = index.acquire()) {
      stats = view.stats();
    }

    long packages =
        Corpus.rawPages(Corpus.cacheTree()).stream().map(Corpus.RawPage::name).distinct().count();
    assertEquals(59, packages);
    assertEquals(
        List.of(905L, 59, 4, IndexSchema.VERSION),
        List.of(stats.numSpecs(), stats.numPackages(), stats.numTags(), stats.schemaVersion()));
    assertEquals(7, stats.schemaVersion());
    assertEquals(
        roots.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(),
        stats.builtFrom());
    OffsetDateTime builtAt = stats.builtAt();
    assertTrue(
        !builtAt.toInstant().isBefore(started) && !builtAt.toInstant().isAfter(finished),
        builtAt + " is during the ingest");
    assertEquals(indexFilesSize(tmp.resolve("index")), stats.indexSizeBytes());
  }

  /** The bytes of every file in the index directory. */
  private static long indexFilesSize(Path dir) throws IOException {
    long bytes = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        bytes += Files.size(file);
      }
    }
    return bytes;
  }

  @Test
  void anEmptyIndexWithUnreadableProvenanceHasNoTagsAndNoBuildFacts() throws IOException {
    Path dir = tmp.resolve("empty");
    try (SpecIndexer indexer = new SpecIndexer(dir)) {
      indexer.commit(
          Map.of(
              IndexSchema.DATA_VERSION,
              String.valueOf(IndexSchema.VERSION),
              IndexSchema.DATA_BUILT_AT,
              "last tuesday"));
    }
    try (SearchIndex empty = SearchIndex.open(dir, Limits.DEFAULT, Duration.ofHours(1));
        IndexView view = empty.acquire()) {
      IndexStats stats = view.stats();

      assertEquals(List.of(), view.tags());
      assertEquals(
          new IndexStats(0, 0, 0, stats.indexSizeBytes(), null, List.of(), IndexSchema.VERSION),
          stats);
    }
  }
}
