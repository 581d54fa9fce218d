package org.spack.cachesearch.spack;

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
