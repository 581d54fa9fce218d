package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.search.Requests.FacetRequest;

class FacetCounterTest {
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static List<RawSpec> corpus;
  private IndexView view;

  @BeforeAll
  static void ingestCorpusTwice() throws IOException {
    // The second ingest replaces the documents of one tag: the old ones stay in the segments,
    // deleted, and no count may include them.
    TestIndex.ingest(tmp.resolve("index"), Corpus.cacheTree());
    index = TestIndex.of(tmp.resolve("index"), Corpus.cacheTree().resolve("_cache/v0.23.0"));
    corpus = Corpus.rawSpecs(Corpus.cacheTree());
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @BeforeEach
  void acquire() throws IOException {
    view = index.acquire();
  }

  @AfterEach
  void release() throws IOException {
    view.close();
  }

  private List<FacetCounts> count(String query, SpecFilter filter, int limit, SpecField... fields) {
    return view.facets(new FacetRequest(Selection.of(query, filter), List.of(fields), limit, null));
  }

  /** Specs per value among the specs {@code which} accepts, by count then value. */
  private static List<ValueCount> fromFiles(
      Predicate<RawSpec> which, Function<RawSpec, List<String>> values) {
    Map<String, Integer> counts = new HashMap<>();
    corpus.stream()
        .filter(which)
        .forEach(
            s ->
                values.apply(s).stream().distinct().forEach(v -> counts.merge(v, 1, Integer::sum)));
    return counts.entrySet().stream()
        .map(e -> new ValueCount(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value))
        .toList();
  }

  private static Function<RawSpec, List<String>> field(String name) {
    return s -> List.of(s.text(name));
  }

  private static Predicate<RawSpec> is(String name, String value) {
    return s -> s.text(name).equals(value);
  }

  @Test
  void theIndexHoldsDeletedDocumentsThatCountsMustSkip() {
    assertEquals(905, view.reader().numDocs());
    assertTrue(view.reader().numDeletedDocs() > 0, "the second ingest left deletions");
  }

  @Test
  void targetCountsUnderAnOsFilterEqualTheCountsInThePageFiles() {
    List<FacetCounts> counts =
        count(
            null, SpecFilter.fromApi(Map.of("os", List.of("ubuntu22.04"))), 1000, SpecField.TARGET);

    List<ValueCount> expected = fromFiles(is("os", "ubuntu22.04"), field("target"));
    assertEquals(List.of(new FacetCounts(SpecField.TARGET, expected, 0)), counts);
    assertEquals(
        List.of(
            new ValueCount("x86_64_v3", 433),
            new ValueCount("neoverse_v1", 23),
            new ValueCount("neoverse_v2", 14),
            new ValueCount("aarch64", 2)),
        expected);
  }

  @Test
  void aFilteredFieldStillListsEveryValueWhileOtherFieldsHonourTheFilter() {
    List<FacetCounts> counts =
        count(
            null,
            SpecFilter.fromApi(Map.of("target", List.of("aarch64"))),
            1000,
            SpecField.TARGET,
            SpecField.COMPILER);

    assertEquals(
        List.of(
            new FacetCounts(SpecField.TARGET, fromFiles(s -> true, field("target")), 0),
            new FacetCounts(
                SpecField.COMPILER,
                fromFiles(is("target", "aarch64"), s -> List.of(s.compiler())),
                0)),
        counts);
  }

  @Test
  void withAQueryAndTwoFiltersEachFieldLeavesOutOnlyItsOwnFilter() {
    SpecFilter filter =
        SpecFilter.fromApi(
            Map.of("target", List.of("aarch64", "neoverse_v1"), "os", List.of("ubuntu22.04")));
    Predicate<RawSpec> linux = is("platform", "linux");
    Predicate<RawSpec> target = s -> List.of("aarch64", "neoverse_v1").contains(s.text("target"));
    Predicate<RawSpec> os = is("os", "ubuntu22.04");

    List<FacetCounts> counts =
        count("platform:linux", filter, 1000, SpecField.TARGET, SpecField.OS, SpecField.PLATFORM);

    assertEquals(
        List.of(
            new FacetCounts(SpecField.TARGET, fromFiles(linux.and(os), field("target")), 0),
            new FacetCounts(SpecField.OS, fromFiles(linux.and(target), field("os")), 0),
            new FacetCounts(
                SpecField.PLATFORM, fromFiles(linux.and(os).and(target), field("platform")), 0)),
        counts);
  }

  @Test
  void aPrefixNarrowsTheValuesBeforeTheLimit() {
    List<FacetCounts> counts =
        view.facets(
            new FacetRequest(Selection.ALL, List.of(SpecField.VARIANT), 5, "build_system="));

    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.VARIANT,
                List.of(
                    new ValueCount("build_system=autotools", 272),
                    new ValueCount("build_system=cmake", 231),
                    new ValueCount("build_system=python_pip", 192),
                    new ValueCount("build_system=generic", 122),
                    new ValueCount("build_system=makefile", 61)),
                3)),
        counts);
  }

  @Test
  void theLimitCutsTheListAndOtherCountSaysHowManyValuesWereLeftOut() {
    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.TARGET,
                List.of(
                    new ValueCount("x86_64_v3", 622),
                    new ValueCount("aarch64", 119),
                    new ValueCount("ppc64le", 49)),
                7)),
        count(null, null, 3, SpecField.TARGET));
  }

  @Test
  void valuesWithEqualCountsAreSortedByValue() {
    List<FacetCounts> counts =
        view.facets(new FacetRequest(Selection.ALL, List.of(SpecField.PACKAGE), 15, "a"));

    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.PACKAGE,
                List.of(
                    new ValueCount("adios", 35),
                    new ValueCount("adlbx", 29),
                    new ValueCount("aws-sdk-cpp", 24),
                    new ValueCount("assimp", 20),
                    new ValueCount("axl", 20),
                    new ValueCount("amg2013", 19),
                    new ValueCount("archer", 19),
                    new ValueCount("armpl-gcc", 14),
                    new ValueCount("adept-utils", 11),
                    new ValueCount("apfel", 11),
                    new ValueCount("at-spi2-atk", 11),
                    new ValueCount("armadillo", 10),
                    new ValueCount("astyle", 9),
                    new ValueCount("alpgen", 7),
                    new ValueCount("ant", 7)),
                11)),
        counts);
  }

  @Test
  void countsOverTheWholeIndexEqualCountsOverAMatchAllQueryForEveryDimension() {
    for (String dim : IndexSchema.FACETS) {
      assertEquals(
          FacetCounter.values(view, dim, new MatchAllDocsQuery()),
          FacetCounter.allValues(view, dim),
          dim);
    }
    assertEquals(
        fromFiles(s -> true, s -> List.of(s.tag() + "/" + s.name())),
        FacetCounter.allValues(view, IndexSchema.PAGE));
    assertEquals(
        List.of(
            new FacetCounts(
                SpecField.PLATFORM,
                List.of(new ValueCount("linux", 866), new ValueCount("darwin", 39)),
                0)),
        count("", null, 10, SpecField.PLATFORM));
  }

  @Test
  void aFieldWithoutFacetValuesCountsNothing() {
    // HASH is no facet field any more: the entrance refuses it, so this reads the counts below it.
    assertEquals(List.of(), FacetCounter.allValues(view, SpecField.HASH.indexField()));
  }

  @Test
  void aFacetListsOneToAThousandValues() {
    SearchException over =
        assertThrows(SearchException.class, () -> count(null, null, 1001, SpecField.TARGET));
    assertEquals(
        List.of(SearchException.Kind.LIMIT, "limit is 1001 but a facet lists 1 to 1000 values"),
        List.of(over.kind(), over.getMessage()));
    SearchException zero =
        assertThrows(SearchException.class, () -> count(null, null, 0, SpecField.TARGET));
    assertEquals(
        List.of(SearchException.Kind.BAD_ARGUMENT, "limit is 0 but must be at least 1"),
        List.of(zero.kind(), zero.getMessage()));
    assertEquals(10, count(null, null, 1000, SpecField.TARGET).get(0).values().size());
  }

  @Test
  void aFieldAskedForTwiceIsRefusedRatherThanCountedTwice() {
    SearchException e =
        assertThrows(
            SearchException.class,
            () -> count(null, null, 10, SpecField.TARGET, SpecField.OS, SpecField.TARGET));
    assertEquals(
        List.of(SearchException.Kind.BAD_ARGUMENT, "fields lists TARGET more than once"),
        List.of(e.kind(), e.getMessage()));
  }
}
