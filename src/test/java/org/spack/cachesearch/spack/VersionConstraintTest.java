package org.spack.cachesearch.spack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.spack.cachesearch.spack.VersionConstraint.KeyRange;

/**
 * Spack's version constraints as key ranges: membership cases transcribed from Spack's docs and
 * lib/spack/spack/test/versions.py, and malformed constraints with their exact offset and message.
 */
class VersionConstraintTest {

  /** One membership case: whether {@code version} satisfies {@code @constraint}. */
  private record Case(String constraint, String version, boolean in) {
    DynamicTest test() {
      String name = version + (in ? " is in @" : " is not in @") + constraint;
      return dynamicTest(
          name,
          () -> assertEquals(in, VersionConstraint.parse(constraint).contains(version), name));
    }
  }

  private static Case in(String constraint, String version) {
    return new Case(constraint, version, true);
  }

  private static Case out(String constraint, String version) {
    return new Case(constraint, version, false);
  }

  private static Stream<DynamicTest> tests(Case... cases) {
    return Stream.of(cases).map(Case::test);
  }

  /** lib/spack/spack/test/versions.py: test_contains ("=x" needles are single versions). */
  @TestFactory
  Stream<DynamicTest> rangesHoldTheVersionsBetweenTheirBounds() {
    return tests(
        in("1.2:1.4", "1.3"),
        in("1.2:1.4", "1.2.5"),
        in("1.2:1.4", "1.3.5"),
        in("1.2:1.4", "1.3.5-7"),
        out("1.2:1.4", "1.1"),
        out("1.2:1.4", "1.5"),
        out("1.5.1:1.6", "1.5"),
        out("1.5.1:", "1.5"),
        in("1.2:1.4", "1.4.2"),
        out("1.2:1.4.0", "1.4.2"),
        in("1.2.7:1.4", "1.2.8"),
        out("1.2.7:1.4", "1.2.5"),
        in("1.2.7:1.4", "1.4.1"),
        out("1.2.7:1.4.0", "1.4.1"));
  }

  /**
   * lib/spack/spack/test/versions.py: test_version_range_with_prereleases,
   * test_inclusion_upperbound, test_overlap_with_containment, test_version_range_nonempty.
   */
  @TestFactory
  Stream<DynamicTest> prereleasesSitJustBelowTheirReleaseAndUpperBoundsCoverExtensions() {
    return tests(
        out("1.2.1:", "1.2.1alpha1"),
        out("1.2.1:", "1.2.1beta2"),
        out("1.2.1:", "1.2.1rc3"),
        in("1.2.0:", "1.2.1alpha1"),
        in("1.2.0:", "1.2.1beta1"),
        in("1.2.0:", "1.2.1rc3"),
        in("1.2:", "1.2.0alpha1"),
        in("1.2:", "1.2.0rc3"),
        out(":1.1", "1.2.0alpha1"),
        out(":1.1", "1.2.0rc3"),
        in(":1.2", "1.2.0alpha1"),
        in(":1.2", "1.2.0beta2"),
        in(":1.2", "1.2.0rc3"),
        in("1.2.0alpha1:1.2.0beta2", "1.2.0alpha2"),
        in("1.2.0alpha1:1.2.0beta2", "1.2.0beta1"),
        in("1.2.0alpha1:", "1.2.0"),
        out(":1.2.0rc345", "1.2.0"),
        in(":1.2.0", "1.2"),
        out(":1.2.0", "1.2.1"),
        in("1.6", "1.6.5"),
        in(":1.6", "1.6.5"),
        in("1.2.0:1.2", "1.2.9"),
        in("1.0:1", "1.1.1"));
  }

  /**
   * lib/spack/spack/test/versions.py: test_basic_version_satisfaction,
   * test_version_range_satisfaction, test_satisfaction_with_lists, test_in_list.
   */
  @TestFactory
  Stream<DynamicTest> aBareVersionHoldsItsExtensionsAndListsAreUnions() {
    return tests(
        in("4.7.3", "4.7.3"),
        in("4.7", "4.7.3"),
        in("4.7", "4.7.3v2"),
        in("4.7", "4.7v6"),
        in("4", "4.7.3"),
        in("4", "4.7v6"),
        out("4.9", "4.8.0"),
        out("4.9", "4.8"),
        out("4.9", "4"),
        in("4.3:4.7", "4.7b6"),
        in("4.3:4.7", "4.3.0"),
        in("4.3:4.7", "4.3.2"),
        out("4.3:4.7", "4.8.0"),
        out("4.4:4.7", "4.3"),
        in("4.3, 4.6, 4.7", "4.7"),
        in("4.3, 4.6, 4.7", "4.7.3"),
        in("4.3, 4.6, 4.7", "4.6.5"),
        in("4.3, 4.6, 4.7", "4.6.5.2"),
        out("4.3, 4.6, 4.7", "4"),
        out("4.2, 4.3:4.7", "4.8.0"),
        in("4.2, 4.3:4.8", "4.8.0"),
        in("4.2, 4.3:4.8", "4.8.2"),
        in("1.5,1.2,1.3", "1.2"),
        in("1.5,1.2:1.3", "1.2.5"),
        in("1.5,1.2:1.3", "1.5"),
        out("1.5,1.2:1.3", "1.4"));
  }

  /** lib/spack/docs/spec_syntax.rst: "Version specifier" (ranges, '=', lists). */
  @TestFactory
  Stream<DynamicTest> theSpecSyntaxExamplesMatchAsDocumented() {
    return tests(
        in("1.0:1.5", "1.5.3"),
        in(":3", "3.4"),
        in("4.2:", "4.2"),
        in("3", "3.9.1"),
        in("=3.2", "3.2"),
        out("=3.2", "3.2.1"),
        in("3.2", "3.2-custom"),
        out("=3.2", "3.2-custom"),
        in("1.0:1.5,=1.7.1", "1.2"),
        in("1.0:1.5,=1.7.1", "1.7.1"),
        out("1.0:1.5,=1.7.1", "1.7.2"));
  }

  /**
   * The prefix rule and the equivalent spellings: lib/spack/docs/packaging_guide_creation.rst
   * ("Version ordering"), lib/spack/spack/test/versions.py (test_underscores, test_padded_numbers),
   * lib/spack/spack/version/version_types.py (SEGMENT_REGEX: '.', '-' and '_' separate alike).
   */
  @TestFactory
  Stream<DynamicTest> aVersionCoversItsOwnExtensionsButNotLongerNumbers() {
    return tests(
        in("1.2", "1.2"),
        in("1.2", "1.2.0"),
        in("1.2", "1.2.3.4"),
        in("1.2", "1.2-mysuffix"),
        out("1.2", "1.20"),
        out("1.2", "1.3"),
        out("1.2", "1.1.9"),
        in(":1.4", "1.4.7"),
        out(":1.4", "1.5"),
        in("=1.2", "1-2"),
        in("=1.2", "1_2"),
        in("=1.2", "01.002"),
        out("=1.2", "1.2.0"),
        in("=10.1", "10.0001"),
        in("1-2:1_4", "1.3.1"),
        in("1.2", "1-2-3"));
  }

  /**
   * lib/spack/spack/version/version_types.py: parse_string_components gives 1.2rc1 the prerelease
   * (RC, 1) below 1.2's (FINAL,), and ClosedOpenRange.intersects is {@code lo <= v < hi} with hi =
   * _next_version(1.2) = 1.3 final; so 1.2rc1 is outside @1.2, while 1.3rc1 is inside it.
   */
  @TestFactory
  Stream<DynamicTest> aBareVersionStartsAtItsReleaseAndStopsBelowTheNextRelease() {
    return tests(
        out("1.2", "1.2rc1"),
        out("1.2", "1.2alpha"),
        in("1.2", "1.2.0rc1"),
        in("1.2", "1.3rc1"),
        out("1.2", "1.3"),
        in(":1.1", "1.2alpha1"),
        in("1.2rc1", "1.2rc1"),
        out("1.2rc1", "1.2rc2"),
        in("1.2a", "1.2aa"),
        out("1.2a", "1.2b"));
  }

  /**
   * lib/spack/spack/version/common.py (infinity_versions), lib/spack/spack/test/versions.py
   * (test_develop) and packaging_guide_creation.rst ("@develop" satisfies "@x.y.z:").
   */
  @TestFactory
  Stream<DynamicTest> infinityNamesSitAboveEveryNumberInTheirOwnOrder() {
    return tests(
        in("4.2:", "develop"),
        in(":", "develop"),
        out(":99", "develop"),
        in("develop", "develop.local"),
        out("=develop", "main"),
        in("main:develop", "main"),
        out("main:develop", "master"),
        in("master:", "develop"),
        out("master:", "head"),
        in(":trunk", "nightly"),
        in(":trunk", "stable"),
        out(":trunk", "head"),
        in("1.1:2", "1.develop"),
        in("1", "1.develop"),
        in(":1.1", "1.mydevelopmentnightmare"),
        out("1.1:", "mydevelopmentnightmare"),
        out("9.0:", "system"));
  }

  @Test
  void aBareVersionIsOneRangeFromItsKeyToTheKeyOfTheNextRelease() {
    assertEquals(
        List.of(new KeyRange("c11\u0001c12\u00003", true, "c11\u0001c13\u00003", false)),
        VersionConstraint.parse("1.2").ranges());
  }

  @Test
  void anExactVersionIsOneKeyIncludedAtBothEnds() {
    assertEquals(
        List.of(new KeyRange("c11\u0001c12\u00003", true, "c11\u0001c12\u00003", true)),
        VersionConstraint.parse("=1-2").ranges());
  }

  @Test
  void openSidesAreNullBoundsAndAColonAloneIsEveryVersion() {
    assertEquals(
        List.of(
            new KeyRange("c11\u0001c12\u00003", true, null, false),
            new KeyRange(null, false, "c11\u0001c11\u00003", false),
            new KeyRange(null, false, null, false)),
        VersionConstraint.parse("1.2:, :1.0 ,:").ranges());
  }

  @Test
  void prereleaseAndWordBoundsStepToTheNextPrereleaseOrWord() {
    assertEquals(
        List.of(
            new KeyRange(
                "c11\u0001c12\u00002\u0001c11", true, "c11\u0001c12\u00002\u0001c12", false),
            new KeyRange("c11\u0001c12\u0001ba\u00003", true, "c11\u0001c12\u0001bb\u00003", false),
            new KeyRange(null, false, "d7\u00003", false)),
        VersionConstraint.parse("1.2rc1,1.2a,:develop").ranges());
  }

  @Test
  void theConstraintKeepsItsText() {
    assertEquals("1.2:1.4, =2", VersionConstraint.parse("1.2:1.4, =2").text());
  }

  private static DynamicTest holds(VersionConstraint constraint, String version, boolean in) {
    String name = version + (in ? " is in " : " is not in ") + constraint.text();
    return dynamicTest(name, () -> assertEquals(in, constraint.contains(version), name));
  }

  /** Lucene ranges: [a TO b] is @a:b; an exclusive side stops at the version itself. */
  @TestFactory
  Stream<DynamicTest> luceneRangesIncludeUpperExtensionsOnlyWhenInclusive() {
    VersionConstraint closed = VersionConstraint.between("1.2", true, "1.4", true);
    VersionConstraint open = VersionConstraint.between("1.2", false, "1.4", false);
    VersionConstraint below = VersionConstraint.between(null, true, "1.4", true);
    VersionConstraint above = VersionConstraint.between("2", true, null, false);
    return Stream.of(
        holds(closed, "1.2", true),
        holds(closed, "1.4.7", true),
        holds(closed, "1.5", false),
        holds(closed, "1.1.9", false),
        holds(open, "1.2", false),
        holds(open, "1.2.1", true),
        holds(open, "1.4rc1", true),
        holds(open, "1.4", false),
        holds(open, "1.4.1", false),
        holds(below, "0.1", true),
        holds(below, "1.5", false),
        holds(above, "develop", true),
        holds(above, "1.9", false));
  }

  @Test
  void luceneRangesAreWrittenWithBracketsAndStarsAndTheirStarIsUnbounded() {
    VersionConstraint below = VersionConstraint.between(null, true, "1.4", true);
    assertEquals(
        List.of("[* TO 1.4]", "{1.2 TO *}"),
        List.of(below.text(), VersionConstraint.between("1.2", false, null, false).text()));
    assertEquals(List.of(new KeyRange(null, false, "c11\u0001c15\u00003", false)), below.ranges());
  }

  /** One malformed constraint: the offset and message its exception must carry. */
  private static DynamicTest rejects(String text, int offset, String message) {
    return rejects("@" + text, () -> VersionConstraint.parse(text), offset, message);
  }

  private static DynamicTest rejects(
      String name, Supplier<VersionConstraint> parse, int offset, String message) {
    return dynamicTest(
        name + " is rejected at " + offset,
        () -> {
          VersionSyntaxException e = assertThrows(VersionSyntaxException.class, parse::get);
          assertEquals(List.of(offset, message), List.of(e.offset(), e.getMessage()));
        });
  }

  /**
   * Spec syntax (lib/spack/spack/spec_parser.py: VERSION, VERSION_RANGE, VERSION_LIST), Spack's
   * EmptyRangeError (version_types.py; test_empty_version_range_raises in test/versions.py), and
   * git versions (common.py: is_git_version; spec_syntax.rst: "Git versions").
   */
  @TestFactory
  Stream<DynamicTest> malformedConstraintsSayWhatWasExpectedWhere() {
    String sha = "abcd".repeat(10);
    String git = ": a git version matches by its ref, not by version order";
    return Stream.of(
        rejects("1.2:1.4:1.6", 7, "expected ',' or the end after '1.2:1.4', found ':'"),
        rejects("1.2,,1.4", 4, "expected a version, ':' or '=' after ',', found ','"),
        rejects("", 0, "expected a version, ':' or '=' at the start, found the end"),
        rejects("1.2,", 4, "expected a version, ':' or '=' after ',', found the end"),
        rejects("=1.2:1.4", 4, "expected ',' or the end after '=1.2', found ':'"),
        rejects("1.2:=1.4", 4, "expected a version, ',' or the end after '1.2:', found '='"),
        rejects("=", 1, "expected a version after '=', found the end"),
        rejects("1.2+3", 3, "expected ':', ',' or the end after '1.2', found '+'"),
        rejects("1.2 1.4", 3, "expected ':', ',' or the end after '1.2', found ' '"),
        rejects("1.2:1.4 ", 7, "expected ',' or the end after '1.2:1.4', found ' '"),
        rejects(".5", 0, "expected a version, ':' or '=' at the start, found '.'"),
        rejects("1.2.", 4, "expected a letter, digit or '_' after '.', found the end"),
        rejects("1.2-:1.4", 4, "expected a letter, digit or '_' after '-', found ':'"),
        rejects("::", 1, "expected a version, ',' or the end after ':', found ':'"),
        rejects("1.2\u00e9", 3, "expected ':', ',' or the end after '1.2', found '\u00e9'"),
        rejects(
            "2:1.0", 2, "expected a version not below '2' after ':', found '1.0' (2:1.0 is empty)"),
        rejects(
            "1.2:1.2rc1",
            4,
            "expected a version not below '1.2' after ':', found '1.2rc1' (1.2:1.2rc1 is empty)"),
        rejects(
            "git.foo=1.2",
            0,
            "expected a version at the start, found the git ref 'git.foo=1.2'" + git),
        rejects(
            "1.2, " + sha,
            5,
            "expected a version after ',', found the git ref '" + sha + "'" + git),
        rejects(
            "=my_branch=1.2",
            1,
            "expected a version after '=', found the git ref 'my_branch=1.2'" + git),
        rejects(
            "[1.2: TO *]",
            () -> VersionConstraint.between("1.2:", true, null, false),
            4,
            "expected the end of the lower bound after '1.2', found ':'"),
        rejects(
            "{* TO git.main]",
            () -> VersionConstraint.between(null, false, "git.main", true),
            6,
            "expected a version at the upper bound, found the git ref 'git.main'" + git),
        rejects(
            "[ TO 1]",
            () -> VersionConstraint.between("", true, "1", true),
            1,
            "expected a version at the lower bound, found the end"));
  }

  @Test
  void anInclusiveOpenBoundIsNotARange() {
    assertThrows(IllegalArgumentException.class, () -> new KeyRange(null, true, null, false));
    assertThrows(IllegalArgumentException.class, () -> new KeyRange(null, false, null, true));
    assertThrows(IllegalArgumentException.class, () -> new VersionConstraint(":", List.of()));
  }
}
