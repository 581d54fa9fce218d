package org.spack.cachesearch.spack;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spack's version order (lib/spack/spack/version: StandardVersion and VersionStrComponent), checked
 * on the sort key as a String (NEWEST_FIRST) and as bytes (the index's doc values).
 */
class SpackVersionTest {

  /** Every version of the list is older than the next one, by String and by byte key. */
  private static void assertAscending(String... versions) {
    for (int i = 0; i + 1 < versions.length; i++) {
      String older = versions[i];
      String newer = versions[i + 1];
      assertTrue(
          SpackVersion.sortKey(older).compareTo(SpackVersion.sortKey(newer)) < 0,
          older + " < " + newer);
      assertTrue(
          Arrays.compareUnsigned(SpackVersion.sortKeyBytes(older), SpackVersion.sortKeyBytes(newer))
              < 0,
          older + " < " + newer + " byte-wise");
      assertTrue(SpackVersion.NEWEST_FIRST.compare(newer, older) < 0, newer + " first");
    }
  }

  private static void assertSameVersion(String a, String b) {
    assertEquals(SpackVersion.sortKey(a), SpackVersion.sortKey(b), a + " = " + b);
  }

  @Test
  void numberComponentsCompareAsNumbersSo3Point10IsNewerThan3Point9() {
    assertAscending("3.9", "3.10", "3.100", "10.0");
  }

  @Test
  void aVersionIsOlderThanItsExtensions() {
    assertAscending("1.2", "1.2.1", "1.2.1.0");
    assertAscending("1.2", "1.2a");
  }

  @Test
  void aWordComponentSortsBeforeANumberComponent() {
    assertAscending("1.2a", "1.2b", "1.2.0");
    assertAscending("2.26", "2.26-t9b_atlas", "2.26.0");
    assertAscending("rc1", "zzz", "1");
  }

  @Test
  void leadingZerosAreIgnoredAsSpackReadsComponentsAsIntegers() {
    assertSameVersion("1.07.1", "1.7.1");
    assertSameVersion("02.02.03", "2.2.3");
    assertSameVersion("0", "000");
    assertAscending("1.07", "1.8", "1.10");
  }

  @Test
  void separatorsDoNotCountAndDigitsAndLettersSplitComponents() {
    assertSameVersion("1-2_3", "1.2.3");
    assertEquals(List.of("1", "2", "a", "3"), SpackVersion.components("1.2a3"));
    assertEquals(
        List.of("2", "26", "t", "9", "b", "atlas"), SpackVersion.components("2.26-t9b_atlas"));
  }

  @Test
  void infinityVersionsAreNewerThanEveryNumberDevelopHighest() {
    assertAscending(
        "1.2a", "99999999.9", "stable", "nightly", "trunk", "head", "master", "main", "develop");
    assertAscending("master", "master.1", "main");
  }

  @Test
  void prereleasesAreOlderThanTheReleaseTheyPrecede() {
    assertAscending(
        "1.1.9",
        "1.2alpha",
        "1.2alpha1",
        "1.2beta",
        "1.2beta2",
        "1.2rc",
        "1.2rc1",
        "1.2rc2",
        "1.2rc10",
        "1.2",
        "1.2.0rc1",
        "1.2.0",
        "1.2.1");
    assertSameVersion("1.2-rc.1", "1.2rc1");
    assertSameVersion("1.2final", "1.2");
  }

  /** lib/spack/spack/test/versions.py: the RPM-derived order tests, as ascending chains. */
  @Test
  void theRpmOrderCasesOfSpacksTestsHold() {
    assertAscending("xsdk-0.2.0", "xsdk-0.3");
    assertAscending("2.0", "2.0.1", "2.0.1a");
    assertAscending("5.5p1", "5.5p2", "5.5p10");
    assertAscending("10xyz", "10.1xyz");
    assertAscending("xyz10", "xyz10.1");
    assertAscending("xyz.4", "2", "8");
    assertAscending("5.5p2", "5.6p1", "6.5p1");
    assertAscending("10a1", "10a2", "10b2");
    assertAscending("1.0a", "1.0aa");
    assertAscending("10.0001", "10.0039");
    assertAscending("4.999.9", "5.0");
    assertAscending("20101121", "20101122");
    assertAscending("1b.fc17", "1.fc17", "1g.fc17");
    assertSameVersion("10.0001", "10.1");
    assertSameVersion("2_0", "2.0");
    assertSameVersion("2-0", "2_0");
  }

  /** lib/spack/spack/test/versions.py: test_prereleases. */
  @Test
  void prereleasesWithoutANumberComeBeforeNumberedOnes() {
    assertAscending(
        "6.0alpha",
        "6.0alpha0",
        "6.0alpha1",
        "6.0alpha2",
        "6.0beta",
        "6.0beta0",
        "6.0beta1",
        "6.0beta2",
        "6.0rc",
        "6.0rc0",
        "6.0rc1",
        "6.0rc2",
        "6.0");
  }

  /** lib/spack/spack/test/versions.py: test_develop. */
  @Test
  void infinityComponentsRankInsideAVersionToo() {
    assertAscending("1.0", "1.1", "1.develop", "2.1", "develop");
    assertAscending("0.5", "0.5.develop");
    assertAscending("1.develop.1", "1.develop.2");
    assertAscending("develop.1", "develop.2");
    assertAscending("system", "9.0", "trunk", "head", "master", "develop");
    assertAscending("mydevelopmentnightmare", "1.1");
    assertAscending("1.mydevelopmentnightmare", "1.1");
  }

  /** lib/spack/docs/packaging_guide_creation.rst: "Version ordering". */
  @Test
  void theDocumentedOrderExamplesHold() {
    assertAscending("1.2", "1.2.1", "1.2.2", "1.10");
    assertAscending("2025-03-01", "2025-06");
    assertAscending("1.y.0", "1.0");
    assertSameVersion("1y0", "1.y.0");
    assertAscending("1.2.3alpha1", "1.2.3");
    assertAscending("1.2alpha1", "1.2beta1", "1.2rc1", "1.2", "1.2-mysuffix", "develop");
    assertSameVersion("1.2.3b", "1-2_3b");
  }

  /** lib/spack/spack/version/version_types.py: _next_version and _next_str. */
  @Test
  void nextKeyIsTheKeyOfSpacksNextVersion() {
    assertAll(
        () -> assertEquals("c11\u0001c15\u00003", SpackVersion.nextKey("1.4")),
        () -> assertEquals(SpackVersion.sortKey("1.100"), SpackVersion.nextKey("1.99")),
        () -> assertEquals(SpackVersion.sortKey("1.10"), SpackVersion.nextKey("1.09")),
        () -> assertEquals(SpackVersion.sortKey("1.2rc2"), SpackVersion.nextKey("1.2rc1")),
        () -> assertEquals(SpackVersion.sortKey("1.2rc0"), SpackVersion.nextKey("1.2rc")),
        () -> assertEquals(SpackVersion.sortKey("1.3final1"), SpackVersion.nextKey("1.2final1")),
        () -> assertEquals(SpackVersion.sortKey("1.2b"), SpackVersion.nextKey("1.2a")),
        () -> assertEquals(SpackVersion.sortKey("1.2zA"), SpackVersion.nextKey("1.2z")),
        () -> assertEquals(SpackVersion.sortKey("1.2a"), SpackVersion.nextKey("1.2Z")),
        () -> assertEquals(SpackVersion.sortKey("maio"), SpackVersion.nextKey("maim")),
        () -> assertEquals(SpackVersion.sortKey("main"), SpackVersion.nextKey("master")),
        () -> assertEquals("d7\u00003", SpackVersion.nextKey("develop")),
        () -> assertEquals("bA\u00003", SpackVersion.nextKey("")));
  }

  @Test
  void theKeyOfAVersionSpellsItsComponentsAndPrerelease() {
    assertAll(
        () -> assertEquals("c11\u0001c12\u00003", SpackVersion.sortKey("1.2")),
        () -> assertEquals("c11\u0001c12\u00002\u0001c13", SpackVersion.sortKey("1.2rc3")),
        () -> assertEquals("c210\u0001ba\u00003", SpackVersion.sortKey("010a")),
        () -> assertEquals("d6\u0001bx\u00003", SpackVersion.sortKey("develop-x")));
  }

  @Test
  void newestFirstSortsTheCorpusVersionsInSpackOrder() {
    List<String> versions =
        new ArrayList<>(
            List.of(
                "0.7.1",
                "1.9.247",
                "master",
                "85",
                "24.10",
                "2025.08.20",
                "6.1.20240505.0",
                "6.1.2",
                "3.12.4",
                "3.1.5",
                "3.2.1",
                "1.101",
                "1.10.32",
                "1.10.14",
                "1.07.1",
                "1.1.1",
                "1.1",
                "1.0.4",
                "02.02.03",
                "2.06.01",
                "2.26-t9b_atlas",
                "2.9",
                "0.48.1",
                "0.7.17"));

    versions.sort(SpackVersion.NEWEST_FIRST);

    assertEquals(
        List.of(
            "master",
            "2025.08.20",
            "85",
            "24.10",
            "6.1.20240505.0",
            "6.1.2",
            "3.12.4",
            "3.2.1",
            "3.1.5",
            "2.26-t9b_atlas",
            "2.9",
            "2.06.01",
            "02.02.03",
            "1.101",
            "1.10.32",
            "1.10.14",
            "1.9.247",
            "1.07.1",
            "1.1.1",
            "1.1",
            "1.0.4",
            "0.48.1",
            "0.7.17",
            "0.7.1"),
        versions);
  }

  @Test
  void newestFirstOrdersEqualVersionsByTheirText() {
    List<String> versions = new ArrayList<>(List.of("1.7.1", "1.07.1", "1.7-1"));

    versions.sort(SpackVersion.NEWEST_FIRST);

    assertEquals(List.of("1.07.1", "1.7-1", "1.7.1"), versions);
  }
}
