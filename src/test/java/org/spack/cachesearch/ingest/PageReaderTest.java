package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageReaderTest {
  private static final String INVALID = "src/test/resources/pages/invalid/";
  private static final String LEGACY = "src/test/resources/pages/legacy/";
  private static final String VALID = "src/test/resources/pages/valid/";
  private static final PageKey DEVELOP_AIDA = new PageKey("develop", "aida");

  private final PageReader reader = new PageReader();

  private static List<String> strings(ReadResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  /** Reads an invalid fixture, checks that it failed, and gives its problems as strings. */
  private List<String> errors(String fixture, PageKey key) {
    ReadResult result = reader.read(Path.of(INVALID + fixture));
    assertEquals(ReadResult.Kind.FAILED, result.kind());
    assertNull(result.page());
    assertEquals(key, result.key());
    return strings(result);
  }

  private ReadResult readValid(String fixture) {
    ReadResult result = reader.read(Path.of(VALID + fixture));
    assertEquals(ReadResult.Kind.PAGE, result.kind());
    return result;
  }

  // ---- invalid pages: one failure kind per fixture ----

  @Test
  void aPageWithoutFrontMatterFailsOnLineOne() {
    assertEquals(
        List.of(
            INVALID
                + "missing-front-matter.md:1: missing front matter: the first line must be"
                + " '---'"),
        errors("missing-front-matter.md", null));
  }

  @Test
  void unterminatedFrontMatterFailsOnLineOne() {
    assertEquals(
        List.of(
            INVALID
                + "unterminated-front-matter.md:1: unterminated front matter: no closing"
                + " '---' line after line 1"),
        errors("unterminated-front-matter.md", null));
  }

  @Test
  void yamlSyntaxErrorIsReportedOnTheFileLineOfTheBadToken() {
    assertEquals(
        List.of(
            INVALID
                + "yaml-syntax-error.md:11: YAML syntax error: expected ',' or ']', but got"
                + " } (while parsing a flow sequence)"),
        errors("yaml-syntax-error.md", null));
  }

  @Test
  void frontMatterThatIsAListIsAnError() {
    assertEquals(
        List.of(
            INVALID
                + "front-matter-not-a-mapping.md:2: front matter must be a mapping of keys"
                + " to values"),
        errors("front-matter-not-a-mapping.md", null));
  }

  @Test
  void emptyFrontMatterIsAnError() {
    assertEquals(
        List.of(INVALID + "empty-front-matter.md:2: empty front matter"),
        errors("empty-front-matter.md", null));
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorOnTheLineOfTheFirstBadByte() {
    assertEquals(
        List.of(INVALID + "not-utf8.md:2: not UTF-8 text: malformed byte 0xE9"),
        errors("not-utf8.md", null));
  }

  @Test
  void aPageThatCannotBeReadStillGetsTheKeyOfItsPath(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("_cache/develop/aida/specs.md");
    Files.createDirectories(page.getParent());
    Files.write(page, new byte[] {'-', '-', '-', '\n', (byte) 0xff, '\n', '-', '-', '-', '\n'});
    ReadResult result = reader.read(page);
    assertEquals(ReadResult.Kind.FAILED, result.kind());
    assertEquals(DEVELOP_AIDA, result.key());
    assertEquals(List.of(page + ":2: not UTF-8 text: malformed byte 0xFF"), strings(result));
  }

  @Test
  void aMissingFileIsAnErrorThatSaysSo(@TempDir Path dir) {
    Path page = dir.resolve("specs.md");
    ReadResult result = reader.read(page);
    assertEquals(ReadResult.Kind.FAILED, result.kind());
    assertEquals(List.of(page + ":1: cannot read: no such file"), strings(result));
  }

  @Test
  void specDetailsThatIsAMappingIsAnErrorOnItsKeyLine() {
    assertEquals(
        List.of(
            INVALID
                + "spec-details-not-a-list.md:5: 'spec_details' must be a list of specs,"
                + " not a mapping"),
        errors("spec-details-not-a-list.md", DEVELOP_AIDA));
  }

  @Test
  void missingSpecDetailsIsAnErrorOnLineOne() {
    assertEquals(
        List.of(
            INVALID
                + "missing-spec-details.md:1: missing required field 'spec_details' (the"
                + " list of specs)"),
        errors("missing-spec-details.md", DEVELOP_AIDA));
  }

  @Test
  void specDetailsWithoutAValueIsAnErrorOnItsKeyLine() {
    assertEquals(
        List.of(
            INVALID
                + "empty-spec-details.md:5: missing required field 'spec_details' (the"
                + " list of specs)"),
        errors("empty-spec-details.md", DEVELOP_AIDA));
  }

  @Test
  void aSpecThatIsAStringIsAnErrorOnItsOwnLine() {
    assertEquals(
        List.of(
            INVALID
                + "spec-not-a-mapping.md:12: spec_details[1]: a spec must be a mapping, not"
                + " a string"),
        errors("spec-not-a-mapping.md", DEVELOP_AIDA));
  }

  @Test
  void variantsThatAreAStringAreAnErrorOnTheSpecLine() {
    assertEquals(
        List.of(
            INVALID
                + "variants-wrong-type.md:13: spec_details[1]: 'variants' must be a list of"
                + " strings, not a string"),
        errors("variants-wrong-type.md", DEVELOP_AIDA));
  }

  @Test
  void sizeThatIsNotAByteCountIsAnErrorOnEachSpecLine() {
    assertEquals(
        List.of(
            INVALID
                + "size-not-a-number.md:6: spec_details[0]: 'size' must be a number of bytes"
                + " or \"-\", not a string \"12 MB\"",
            INVALID
                + "size-not-a-number.md:13: spec_details[1]: 'size' must be a number of bytes"
                + " or \"-\", not a number \"-1\""),
        errors("size-not-a-number.md", DEVELOP_AIDA));
  }

  @Test
  void metaThatIsAListIsAnErrorOnItsKeyLine() {
    assertEquals(
        List.of(INVALID + "meta-wrong-type.md:5: 'meta' must be a mapping, not a list"),
        errors("meta-wrong-type.md", DEVELOP_AIDA));
  }

  @Test
  void everyWrongMetaFieldIsReportedOnTheMetaLine() {
    String at = INVALID + "meta-field-wrong-type.md:5: meta: ";
    assertEquals(
        List.of(
            at + "'versions' must be a list of strings, not a string",
            at + "'compilers' must be a list of strings, but has a list",
            at + "'num_specs' must be a whole number, not a string \"1\"",
            at + "'num_specs_by_stack.hep' must be a whole number, not a number 1.5"),
        errors("meta-field-wrong-type.md", DEVELOP_AIDA));
  }

  @Test
  void missingTitleIsAnErrorOnLineOne() {
    assertEquals(
        List.of(INVALID + "missing-title.md:1: missing required field 'title' (the package name)"),
        errors("missing-title.md", null));
  }

  @Test
  void aTitleWithWhiteSpaceIsAnErrorOnItsLine() {
    assertEquals(
        List.of(
            INVALID
                + "bad-title.md:3: 'title' must be a package name, not \"aida 3.2.1\": it holds"
                + " white space"),
        errors("bad-title.md", null));
  }

  @Test
  void missingHashIsAnErrorOnTheSpecLine() {
    assertEquals(
        List.of(INVALID + "missing-hash.md:6: spec_details[0]: missing required field 'hash'"),
        errors("missing-hash.md", DEVELOP_AIDA));
  }

  @Test
  void missingTargetIsAnErrorOnTheLineOfTheSecondSpec() {
    assertEquals(
        List.of(INVALID + "missing-target.md:12: spec_details[1]: missing required field 'target'"),
        errors("missing-target.md", DEVELOP_AIDA));
  }

  @Test
  void malformedHashIsAnErrorOnTheSpecLine() {
    assertEquals(
        List.of(
            INVALID
                + "malformed-hash.md:12: spec_details[1]: malformed hash"
                + " \"6E4S22P6SOVSOOOPRG3HWEVQC577SL3Y\": expected 32 characters of Spack's base32"
                + " alphabet a-z2-7"),
        errors("malformed-hash.md", DEVELOP_AIDA));
  }

  @Test
  void duplicateHashIsAnErrorOnTheSecondSpecAndNamesTheFirst() {
    assertEquals(
        List.of(
            INVALID
                + "duplicate-hash.md:12: spec_details[1]: duplicate hash"
                + " \"zjpj5ait7gfxsoiotbyjcorlyq5pjxdw\" (also spec_details[0])"),
        errors("duplicate-hash.md", DEVELOP_AIDA));
  }

  @Test
  void aRepeatedTopLevelKeyIsAnErrorOnItsSecondLine() {
    assertEquals(
        List.of(
            INVALID + "duplicate-key.md:12: duplicate key 'title' (first on line 2)",
            INVALID + "duplicate-key.md:13: duplicate key 'spec_details' (first on line 5)"),
        errors("duplicate-key.md", null));
  }

  @Test
  void aPageWithNeitherCategoriesNorCacheFolderHasNoTag() {
    assertEquals(
        List.of(
            INVALID
                + "no-tag.md:1: no tag: 'categories: [package, <tag>]' is missing and the"
                + " path has no _cache/<tag>/ folder"),
        errors("no-tag.md", null));
  }

  @Test
  void categoriesWithTwoTagsIsAnErrorOnItsLine() {
    assertEquals(
        List.of(
            INVALID
                + "bad-categories.md:4: 'categories' must be [package, <tag>], not"
                + " [\"package\",\"develop\",\"v0.23.0\"]"),
        errors("bad-categories.md", null));
  }

  // ---- legacy pages: recognised and skipped with one warning ----

  private static final String LEGACY_WARNING =
      ": warning: legacy format (category: package with spec_files/spec_names), not indexed";

  @Test
  void aLegacyPageIsSkippedWithOneWarningOnItsSpecFilesLine() {
    ReadResult result = reader.read(Path.of(LEGACY + "legacy-spec-files.md"));
    assertEquals(ReadResult.Kind.LEGACY, result.kind());
    assertNull(result.page());
    assertEquals(List.of(LEGACY + "legacy-spec-files.md:6" + LEGACY_WARNING), strings(result));
  }

  @Test
  void aLegacyPageWhoseYamlDoesNotParseIsStillOnlyALegacyWarning() {
    ReadResult result = reader.read(Path.of(LEGACY + "legacy-unparseable-yaml.md"));
    assertEquals(ReadResult.Kind.LEGACY, result.kind());
    assertNull(result.page());
    assertEquals(
        List.of(LEGACY + "legacy-unparseable-yaml.md:6" + LEGACY_WARNING), strings(result));
  }

  // ---- valid pages ----

  private static PageMeta aidaMeta() {
    return new PageMeta(
        List.of("3.2.1"),
        List.of("none"),
        List.of("ubuntu22.04"),
        List.of("linux"),
        List.of("x86_64_v3"),
        List.of("hep", "root"),
        1,
        Map.of("hep", 1, "root", 1));
  }

  private static Spec aidaSpec() {
    return new Spec(
        "zjpj5ait7gfxsoiotbyjcorlyq5pjxdw",
        new Compiler("none", "none", ""),
        "ubuntu22.04",
        "linux",
        "x86_64_v3",
        List.of(new Variant("build_system=generic", "build_system", List.of("generic"))),
        List.of("3.2.1"),
        List.of("hep", "root"),
        null,
        Map.of(),
        List.of(),
        List.of());
  }

  @Test
  void aRealPageWithoutTrailingNewlineIsReadWhole() {
    String path = VALID + "no-trailing-newline.md";
    ReadResult result = readValid("no-trailing-newline.md");
    assertEquals(new Page(path, "aida", "develop", aidaMeta(), List.of(aidaSpec())), result.page());
    assertEquals(DEVELOP_AIDA, result.key());
    assertEquals(List.of(), strings(result));
  }

  @Test
  void metaWithoutAValueIsLikeNoMeta() {
    String path = VALID + "meta-without-value.md";
    ReadResult result = readValid("meta-without-value.md");
    assertEquals(
        new Page(path, "aida", "develop", PageMeta.EMPTY, List.of(aidaSpec())), result.page());
    assertEquals(List.of(), strings(result));
  }

  @Test
  void crlfLineEndingsReadLikeLf() {
    String path = VALID + "crlf-line-endings.md";
    ReadResult result = readValid("crlf-line-endings.md");
    assertEquals(new Page(path, "aida", "develop", aidaMeta(), List.of(aidaSpec())), result.page());
    assertEquals(List.of(), strings(result));
  }

  @Test
  void metaThatDisagreesWithSpecsGivesWarningsOnTheMetaLineAndThePageIsKept() {
    ReadResult result = readValid("meta-disagrees.md");
    String at = VALID + "meta-disagrees.md:5: warning: ";
    assertEquals(
        List.of(
            at + "meta.num_specs is 3 but spec_details has 2 specs",
            at
                + "meta.versions disagrees with spec_details: not listed [], listed but unused"
                + " [1.0]",
            at
                + "meta.compilers disagrees with spec_details: not listed [gcc@7.3.1], listed but"
                + " unused []",
            at
                + "meta.targets disagrees with spec_details: not listed [neoverse_n1], listed but"
                + " unused []",
            at
                + "meta.stacks disagrees with spec_details: not listed [aws-ahug-aarch64], listed"
                + " but unused [aws-ahug]",
            at
                + "meta.num_specs_by_stack is {aws-ahug=2, aws-ahug-aarch64=16} but spec_details"
                + " counts {aws-ahug-aarch64=1}"),
        strings(result));
    Page page = result.page();
    assertEquals(
        new PageMeta(
            List.of("master", "1.0"),
            List.of("gcc@=7.3.1"),
            List.of("amzn2"),
            List.of("linux"),
            List.of("aarch64"),
            List.of("aws-ahug"),
            3,
            Map.of("aws-ahug-aarch64", 16, "aws-ahug", 2)),
        page.meta());
    assertEquals(
        List.of(
            new Spec(
                "6e4s22p6sovsoooprg3hwevqc577sl3y",
                new Compiler("gcc@=7.3.1", "gcc", "7.3.1"),
                "amzn2",
                "linux",
                "aarch64",
                List.of(new Variant("+openmp", "openmp", List.of("true"))),
                List.of("master"),
                List.of(),
                null,
                Map.of(),
                List.of(),
                List.of()),
            new Spec(
                "ikmjf4o5kigy6hrqqbugx4ce5biboip6",
                new Compiler("gcc@7.3.1", "gcc", "7.3.1"),
                "amzn2",
                "linux",
                "neoverse_n1",
                List.of(new Variant("~openmp", "openmp", List.of("false"))),
                List.of("master"),
                List.of("aws-ahug-aarch64"),
                null,
                Map.of(),
                List.of(),
                List.of())),
        page.specs());
  }

  @Test
  void unknownSpecFieldsAreKeptAsJsonText() {
    ReadResult result = readValid("extra-fields.md");
    assertEquals(List.of(), strings(result));
    Spec spec = result.page().specs().get(0);
    assertEquals(
        Map.of(
            "tarball",
            "\"https://binaries.spack.io/develop/build_cache/linux-ubuntu22.04-x86_64_v3"
                + "/acts.spack\"",
            "deprecated",
            "false",
            "deps",
            "{\"zlib\":\"ikmjf4o5kigy6hrqqbugx4ce5biboip6\"}"),
        spec.extra());
    assertEquals(
        new Spec(
            "lbkrg7sq3ohvnqs4bb2wimvykbbrmyb7",
            new Compiler("gcc@=11.4.0", "gcc", "11.4.0"),
            "ubuntu22.04",
            "linux",
            "x86_64_v3",
            List.of(new Variant("build_system=cmake", "build_system", List.of("cmake"))),
            List.of("30.3.2"),
            List.of("hep"),
            null,
            spec.extra(),
            List.of(),
            List.of()),
        spec);
  }

  @Test
  void everyVariantFormIsParsed() {
    ReadResult result = readValid("variant-forms.md");
    assertEquals(List.of(), strings(result));
    Page page = result.page();
    assertEquals(new PageKey("develop-2025-03-30", "rocblas"), page.key());
    assertEquals(PageMeta.EMPTY, page.meta());
    assertEquals(
        List.of(
            new Spec(
                "a2b3c4d5e6f7a2b3c4d5e6f7a2b3c4d5",
                new Compiler("apple-clang@16.0.0", "apple-clang", "16.0.0"),
                "sequoia",
                "darwin",
                "aarch64",
                List.of(
                    new Variant("+shared", "shared", List.of("true")),
                    new Variant("~asan", "asan", List.of("false")),
                    new Variant("build_system=cmake", "build_system", List.of("cmake")),
                    new Variant("libs:=shared,static", "libs", List.of("shared", "static")),
                    new Variant("patches=a,b,c", "patches", List.of("a", "b", "c")),
                    new Variant("amdgpu_target:=gfx90a", "amdgpu_target", List.of("gfx90a")),
                    new Variant("++lto", "lto", List.of("true"))),
                List.of("6.3.2"),
                List.of("developer-tools-darwin", "root"),
                null,
                Map.of(),
                List.of(),
                List.of())),
        page.specs());
  }

  @Test
  void sizeIsANumberOrADigitStringOrNullForDashOrAbsent() {
    ReadResult result = readValid("size-number.md");
    assertEquals(List.of(), strings(result));
    Page page = result.page();
    assertEquals(new PageKey("v0.23.0", "zlib-ng"), page.key());
    assertEquals(
        List.of(
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "cccccccccccccccccccccccccccccccc",
            "dddddddddddddddddddddddddddddddd"),
        page.specs().stream().map(Spec::hash).toList());
    assertEquals(
        Arrays.asList(123456L, 789L, null, null), page.specs().stream().map(Spec::size).toList());
    assertEquals(
        new Spec(
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            new Compiler("gcc@=11.4.0", "gcc", "11.4.0"),
            "ubuntu22.04",
            "linux",
            "x86_64_v3",
            List.of(),
            List.of("2.2.1"),
            List.of(),
            123456L,
            Map.of(),
            List.of(),
            List.of()),
        page.specs().get(0));
  }

  @Test
  void withoutCategoriesTheTagComesFromTheCacheFolder() {
    String path = VALID + "_cache/v0.23.0/zlib/specs.md";
    ReadResult result = readValid("_cache/v0.23.0/zlib/specs.md");
    assertEquals(List.of(), strings(result));
    assertEquals(new PageKey("v0.23.0", "zlib"), result.key());
    assertEquals(
        new Page(
            path,
            "zlib",
            "v0.23.0",
            PageMeta.EMPTY,
            List.of(
                new Spec(
                    "c2tz3ryvbbqfqnqxmbjyw5ebvyaq3hd5",
                    new Compiler("gcc@=11.4.0", "gcc", "11.4.0"),
                    "ubuntu22.04",
                    "linux",
                    "x86_64_v3",
                    List.of(
                        new Variant("+optimize", "optimize", List.of("true")),
                        new Variant("+pic", "pic", List.of("true")),
                        new Variant("+shared", "shared", List.of("true"))),
                    List.of("1.3.1"),
                    List.of("root"),
                    null,
                    Map.of(),
                    List.of(),
                    List.of()))),
        result.page());
  }

  @Test
  void categoriesWinOverTheCacheFolderWithAWarning() {
    String path = VALID + "_cache/v0.23.0/bzip2/specs.md";
    ReadResult result = readValid("_cache/v0.23.0/bzip2/specs.md");
    assertEquals(
        List.of(path + ":1: warning: page says develop/bzip2 but lies under _cache/v0.23.0/bzip2/"),
        strings(result));
    assertEquals(new PageKey("develop", "bzip2"), result.key());
    assertEquals("develop", result.page().tag());
  }
}
