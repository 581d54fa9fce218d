package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.spack.cachesearch.search.SpecSyntaxSearchTest.found;
import static org.spack.cachesearch.search.SpecSyntaxSearchTest.hashes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lucene ranges over {@code versions} and {@code compilerVersion} follow Spack's version order, not
 * the bytes' ({@code 1.14.5} is above {@code 1.3}), over the hand-made pages of {@code
 * pages/spack-syntax}; {@code explain} prints them in Spack's words.
 */
class VersionRangeQueryTest {
  private static final String[] ZLIB_1_2 = {"zlibaaaf", "zlibbbbb", "zlibbbbc", "zlibbbbe"};
  private static final String[] GCC_11 = {
    "zlibbbba",
    "zlibbbbb",
    "zlibbbbc",
    "ossldevc",
    "osslolda",
    "ossloldb",
    "hdf5devd",
    "hdf5deve",
    "numpyaaa"
  };

  @TempDir static Path tmp;
  private static SearchIndex index;
  private IndexView view;

  @BeforeAll
  static void ingestFixture() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), SpecSyntaxSearchTest.FIXTURE);
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

  private Set<String> query(String query) {
    return found(view, Selection.of(query, null));
  }

  /** Every fixture spec but the ones named. */
  private static Set<String> allBut(String... roles) {
    Set<String> out = new TreeSet<>(hashes(SpecSyntaxSearchTest.ALL));
    out.removeAll(hashes(roles));
    return out;
  }

  @Test
  void anInclusiveRangeHoldsTheUpperBoundsExtensionsAndPrereleases() {
    assertEquals(
        hashes(
            "zlibaaaa",
            "zlibaaab",
            "zlibaaac",
            "zlibaaae",
            "zlibaaaf",
            "zlibbbba",
            "zlibbbbb",
            "zlibbbbc",
            "zlibbbbd",
            "zlibbbbe"),
        query("versions:[1.2 TO 1.3]"));
  }

  @Test
  void anExclusiveRangeLeavesOutBothBoundsButKeepsWhatLiesBetween() {
    assertEquals(hashes("zlibaaaf", "zlibbbbc"), query("versions:{1.2 TO 1.3}"));
  }

  @Test
  void anOpenUpperBoundHoldsHigherNumbersAndTheInfinityNames() {
    assertEquals(
        hashes(
            "ossldeva",
            "ossldevb",
            "ossldevc",
            "ossldevd",
            "osslolda",
            "ossloldb",
            "zlibaaad",
            "hdf5devc"),
        query("versions:[3.0 TO *]"));
  }

  @Test
  void numbersCompareAsNumbersSo1Point14And1Point20LieAbove1Point3() {
    assertEquals(allBut(ZLIB_1_2), query("versions:[1.3 TO *]"));
  }

  @Test
  void anOpenLowerBoundStopsAfterTheUpperBoundsExtensions() {
    assertEquals(hashes(ZLIB_1_2), query("versions:[* TO 1.2]"));
    assertEquals(hashes(), query("versions:[* TO 1.2}"));
  }

  @Test
  void aPrereleaseBoundSortsBelowItsRelease() {
    assertEquals(
        hashes("zlibaaaa", "zlibaaab", "zlibaaac", "zlibbbba"),
        query("versions:[1.3.1rc2 TO 1.3.1]"));
  }

  @Test
  void reversedBoundsMatchNothingAsSpacksEmptyRange() {
    assertEquals(hashes(), query("versions:[1.3 TO 1.2]"));
  }

  @Test
  void rangesCombineWithLuceneOperatorsAndWithASpec() {
    assertEquals(hashes(ZLIB_1_2), query("versions:[1.2 TO 1.3] -versions:[1.3 TO 1.3]"));
    assertEquals(
        hashes("zlibaaaa", "zlibaaab", "zlibbbba", "zlibbbbb", "zlibbbbc"),
        found(view, Selection.of("versions:[1.2 TO 1.3]", null).with("%gcc", null)));
  }

  @Test
  void compilerVersionRangesFollowSpacksOrderAndSkipSpecsWithoutACompiler() {
    assertEquals(
        allBut(
            "zlibbbba",
            "zlibbbbb",
            "zlibbbbc",
            "ossldevc",
            "osslolda",
            "ossloldb",
            "hdf5devd",
            "hdf5deve",
            "numpyaaa",
            "zlibaaae",
            "ossldevd"),
        query("compilerVersion:[12 TO *]"));
    assertEquals(hashes(GCC_11), query("compilerVersion:[* TO 11]"));
    assertEquals(
        hashes("zlibaaaa", "zlibaaab", "ossldeva", "hdf5deva", "hdf5devb"),
        query("compilerVersion:[13 TO 13]"));
  }

  @Test
  void aBoundThatIsNoVersionIsASyntaxError() {
    SearchException e = assertThrows(SearchException.class, () -> query("versions:[1.2: TO 1.3]"));

    assertEquals(
        List.of(
            SearchException.Kind.QUERY_SYNTAX,
            "versions range: expected the end of the lower bound after '1.2', found ':'"),
        List.of(e.kind(), e.getMessage()));
  }

  @Test
  void explainPrintsASpecsVersionsInSpackWordsAndARangeAsWritten() {
    assertEquals(
        "+*:* #(#package:zlib #versions:@1.2:1.3)",
        view.explain(SpecSyntaxSearchTest.spec("zlib@1.2:1.3")));
    assertEquals(
        "+*:* #(#(compilerName:clang compilerName:llvm) #compilerVersion:@17:)",
        view.explain(SpecSyntaxSearchTest.spec("%clang@17:")));
    assertEquals(
        "+versions:[1.2 TO 1.3]", view.explain(Selection.of("versions:[1.2 TO 1.3]", null)));
    assertEquals(
        "+compilerVersion:{12 TO *]",
        view.explain(Selection.of("compilerVersion:{12 TO *]", null)));
    assertEquals(
        "+versions:[1.2 TO 1.3] #(#(compilerName:gcc))",
        view.explain(Selection.of("versions:[1.2 TO 1.3]", null).with("%gcc", null)));
  }
}
