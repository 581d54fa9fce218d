package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.spack.cachesearch.search.SpecSyntaxSearchTest.found;
import static org.spack.cachesearch.search.SpecSyntaxSearchTest.hashes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.search.Requests.FacetRequest;
import org.spack.cachesearch.search.Requests.SpecRequest;

/**
 * {@code compatibleWith}: the binaries whose target a CPU runs, by archspec's ancestors. The
 * accepted targets per CPU are copied by hand from MicroarchitecturesTest's expected sets.
 */
class CompatibleWithTest {
  private static final Set<String> ZEN3 =
      Set.of("x86_64", "x86_64_v2", "x86_64_v3", "zen", "zen2", "zen3");
  private static final Set<String> NEOVERSE_V2 =
      Set.of(
          "aarch64",
          "armv8.1a",
          "armv8.2a",
          "armv8.3a",
          "armv8.4a",
          "armv8.5a",
          "armv9.0a",
          "cortex_a72",
          "neoverse_n1",
          "neoverse_v2");
  private static final Set<String> M1 =
      Set.of("aarch64", "armv8.1a", "armv8.2a", "armv8.3a", "armv8.4a", "m1");
  private static final Set<String> POWER9LE = Set.of("power8le", "power9le", "ppc64le");

  @TempDir static Path tmp;
  private static SearchIndex fixture;
  private static SearchIndex corpus;

  @BeforeAll
  static void ingest() throws IOException {
    fixture = TestIndex.of(tmp.resolve("fixture"), SpecSyntaxSearchTest.FIXTURE);
    corpus = TestIndex.of(tmp.resolve("corpus"), Corpus.cacheTree());
  }

  @AfterAll
  static void close() throws IOException {
    fixture.close();
    corpus.close();
  }

  private static Set<String> onFixture(Selection selection) throws IOException {
    try (IndexView view = fixture.acquire()) {
      return found(view, selection);
    }
  }

  private static Selection cpu(String cpu) {
    return Selection.of(null, null).with(null, cpu);
  }

  @Test
  void aZen3RunsGenericX86AndOlderZenBinariesButNotZen4OrIcelake() throws IOException {
    assertEquals(
        hashes(
            "zlibaaaa",
            "zlibbbba",
            "osslolda",
            "hdf5deva",
            "numpyaac",
            "ossldevb",
            "zlibbbbb",
            "zlibbbbe",
            "ossldeva",
            "numpyaaa"),
        onFixture(cpu("zen3")));
  }

  @Test
  void aNeoverseV2RunsAarch64AndItsOwnBinariesButNotAppleM1Ones() throws IOException {
    assertEquals(
        hashes("zlibaaae", "zlibbbbc", "ossloldb", "zlibaaab", "hdf5devb"),
        onFixture(cpu("neoverse_v2")));
  }

  @Test
  void anAppleM1RunsAarch64AndM1BinariesButNotNeoverseV2Ones() throws IOException {
    assertEquals(
        hashes("zlibaaae", "zlibbbbc", "ossloldb", "zlibaaad", "zlibbbbd"), onFixture(cpu("m1")));
  }

  @Test
  void aPower9leRunsPower9leAndPpc64leBinaries() throws IOException {
    assertEquals(
        hashes("ossldevc", "hdf5devd", "ossldevd", "hdf5deve"), onFixture(cpu("power9le")));
  }

  @Test
  void anIcelakeRunsGenericX86AndIcelakeBinariesButNoZen() throws IOException {
    assertEquals(
        hashes(
            "ossldevb",
            "zlibaaaa",
            "zlibbbba",
            "osslolda",
            "hdf5deva",
            "numpyaac",
            "zlibaaaf",
            "numpyaab"),
        onFixture(cpu("icelake")));
  }

  @Test
  void aFamilyNameRunsOnlyItsGenericBinaries() throws IOException {
    assertEquals(hashes("ossldevb"), onFixture(cpu("x86_64")));
  }

  @Test
  void aCpuAndASpecAndAQueryMustAllHold() throws IOException {
    assertEquals(
        hashes("zlibaaaa", "zlibbbba", "zlibbbbb", "zlibbbbe"),
        onFixture(Selection.of(null, null).with("zlib", "zen3")));
    assertEquals(
        hashes("zlibaaaa", "zlibbbba", "osslolda", "hdf5deva", "zlibbbbb", "ossldeva", "numpyaaa"),
        onFixture(Selection.of(null, null).with("%gcc", "zen3")));
    assertEquals(
        hashes("numpyaab", "numpyaac"),
        onFixture(Selection.of("package:py-numpy", null).with(null, "icelake")));
    assertEquals(hashes(), onFixture(Selection.of(null, null).with("target=zen3", "m1")));
  }

  private static List<FacetCounts> targets(Selection selection) throws IOException {
    try (IndexView view = fixture.acquire()) {
      return view.facets(new FacetRequest(selection, List.of(SpecField.TARGET), 20, null));
    }
  }

  private static List<FacetCounts> targetCounts(ValueCount... values) {
    return List.of(new FacetCounts(SpecField.TARGET, List.of(values), 0));
  }

  private static final List<FacetCounts> ON_ZEN3 =
      targetCounts(
          new ValueCount("x86_64_v3", 5),
          new ValueCount("zen3", 3),
          new ValueCount("x86_64", 1),
          new ValueCount("zen2", 1));

  @Test
  void targetFacetCountsOnlyTheTargetsTheCpuRuns() throws IOException {
    assertEquals(ON_ZEN3, targets(cpu("zen3")));
    assertEquals(
        targetCounts(
            new ValueCount("x86_64_v3", 2), new ValueCount("zen2", 1), new ValueCount("zen3", 1)),
        targets(Selection.of(null, null).with("zlib", "zen3")));
  }

  @Test
  void theTargetFacetLeavesOutItsOwnFilterButNeverTheCpu() throws IOException {
    Selection filtered =
        Selection.of(null, SpecFilter.of(SpecField.TARGET, "zen3")).with(null, "zen3");

    assertEquals(ON_ZEN3, targets(filtered));
  }

  @Test
  void explainShowsTheCpuAsTheSetOfTargetsItRuns() throws IOException {
    try (IndexView view = fixture.acquire()) {
      assertEquals(
          "+*:* #target:(x86_64 x86_64_v2 x86_64_v3 zen zen2 zen3)", view.explain(cpu("zen3")));
    }
  }

  @Test
  void anUnknownCpuIsABadArgumentThatSuggestsTheClosestNames() throws IOException {
    try (IndexView view = fixture.acquire()) {
      SearchException zen33 = assertThrows(SearchException.class, () -> found(view, cpu("zen33")));
      SearchException neoverse =
          assertThrows(SearchException.class, () -> found(view, cpu("neoverse")));

      assertEquals(
          List.of(
              SearchException.Kind.BAD_ARGUMENT,
              "compatibleWith: unknown CPU 'zen33'; did you mean zen3, zen, zen2?"),
          List.of(zen33.kind(), zen33.getMessage()));
      assertEquals(
          "compatibleWith: unknown CPU 'neoverse'; did you mean neoverse_n1, neoverse_n2,"
              + " neoverse_v1?",
          neoverse.getMessage());
    }
  }

  /** The corpus specs whose target is in {@code accepted}, counted from the files. */
  private static int rawCount(Set<String> accepted) {
    List<RawSpec> specs = Corpus.rawSpecs(Corpus.cacheTree());
    return (int) specs.stream().filter(s -> accepted.contains(s.text("target"))).count();
  }

  private static Integer totalOnCorpus(String cpu) throws IOException {
    try (IndexView view = corpus.acquire()) {
      return view.search(new SpecRequest(cpu(cpu), 1, null, null, true)).totalCount();
    }
  }

  @Test
  void overTheRealCorpusEachCpuCountsTheSpecsWhoseTargetItRuns() throws IOException {
    Map<String, Set<String>> accepted =
        Map.of("zen3", ZEN3, "neoverse_v2", NEOVERSE_V2, "m1", M1, "power9le", POWER9LE);
    // The counts by target of the corpus files, summed by hand over each accepted set.
    Map<String, Integer> expected =
        Map.of("zen3", 632, "neoverse_v2", 164, "m1", 119, "power9le", 49);

    for (String cpu : List.of("zen3", "neoverse_v2", "m1", "power9le")) {
      assertEquals(expected.get(cpu), rawCount(accepted.get(cpu)), cpu + " in the files");
      assertEquals(expected.get(cpu), totalOnCorpus(cpu), cpu + " in the index");
    }
  }
}
