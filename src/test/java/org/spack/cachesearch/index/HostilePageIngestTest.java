package org.spack.cachesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.ingest.Problem;

/**
 * Broken and hostile page files in a real ingest: each is one {@code path:line: message} error (or
 * is read, when it is only unusual), and the good page beside it is indexed all the same.
 */
class HostilePageIngestTest {
  private static final String GOOD =
      "---\n"
          + "title: \"aida\"\n"
          + "categories: [package, develop]\n"
          + "spec_details: [{\"hash\": \"zjpj5ait7gfxsoiotbyjcorlyq5pjxdw\", \"compiler\": \"none\","
          + " \"os\": \"ubuntu22.04\", \"platform\": \"linux\", \"target\": \"x86_64_v3\","
          + " \"versions\": [\"3.2.1\"]}]\n"
          + "---\n";

  private static final String ZLIB_SPEC =
      "spec_details: [{\"hash\": \"c2tz3ryvbbqfqnqxmbjyw5ebvyaq3hd5\", \"compiler\": \"gcc@11.4.0\","
          + " \"os\": \"ubuntu22.04\", \"platform\": \"linux\", \"target\": \"zen3\","
          + " \"versions\": [\"1.3.1\"]}]\n";

  @TempDir Path tmp;
  private Path tree;
  private Path index;

  @BeforeEach
  void writeTheGoodPage() throws IOException {
    tree = tmp.resolve("tree");
    index = tmp.resolve("index");
    write("_cache/develop/aida/specs.md", GOOD);
  }

  private Path write(String relative, String text) throws IOException {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String relative, byte[] bytes) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private Path zlib(String text) throws IOException {
    return write("_cache/develop/zlib/specs.md", text);
  }

  private IngestSummary ingest() throws IOException {
    IngestSummary summary =
        new IngestRun(
                new IngestRun.Options(List.of(tree), index, false, false, 2), IngestProgress.NONE)
            .run();
    assertTrue(summary.committed());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(1, probe.pageCount("develop", "aida"));
    }
    return summary;
  }

  /** Ingests the tree, where one page fails; its problems as printed. */
  private List<String> failingBesideTheGoodPage() throws IOException {
    IngestSummary summary = ingest();
    assertEquals(1, summary.pages());
    assertEquals(1, summary.failedPages());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(1, probe.numDocs());
    }
    return summary.problems().stream().map(Problem::toString).toList();
  }

  /** Ingests the tree, where every page is read; the problems as printed. */
  private List<String> readBesideTheGoodPage(int pages) throws IOException {
    IngestSummary summary = ingest();
    assertEquals(pages, summary.pages());
    assertEquals(0, summary.failedPages());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(pages, probe.numDocs());
    }
    return summary.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aPageOverTheSizeLimitIsRefusedWithoutBeingRead() throws IOException {
    Path page = zlib("");
    try (RandomAccessFile sparse = new RandomAccessFile(page.toFile(), "rw")) {
      sparse.setLength(32L * 1024 * 1024 + 1);
    }
    assertEquals(
        List.of(
            page
                + ":1: page too large: 33554433 bytes, over the limit of 33554432 bytes; not"
                + " read"),
        failingBesideTheGoodPage());
  }

  @Test
  void malformedUtf8IsReportedOnTheLineOfTheFirstBadByte() throws IOException {
    byte[] head =
        "---\ntitle: \"zlib\"\ncategories: [package, develop]\nnote: caf"
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\n" + ZLIB_SPEC + "---\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Path page = write("_cache/develop/zlib/specs.md", bytes);

    assertEquals(
        List.of(page + ":4: not UTF-8 text: malformed byte 0xE9"), failingBesideTheGoodPage());
  }

  @Test
  void aCharacterCutShortNamesAllItsBytes() throws IOException {
    // U+20AC is E2 82 AC: here the third byte is missing.
    byte[] bytes = {'-', '-', '-', '\n', 'x', ':', ' ', (byte) 0xE2, (byte) 0x82, '\n'};
    Path page = write("_cache/develop/zlib/specs.md", bytes);

    assertEquals(
        List.of(page + ":2: not UTF-8 text: malformed bytes 0xE2 0x82"),
        failingBesideTheGoodPage());
  }

  @Test
  void aByteOrderMarkIsDroppedAndThePageIsIndexed() throws IOException {
    zlib("\uFEFF---\ntitle: \"zlib\"\ncategories: [package, develop]\n" + ZLIB_SPEC + "---\n");

    assertEquals(List.of(), readBesideTheGoodPage(2));
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(1, probe.pageCount("develop", "zlib"));
    }
  }

  @Test
  void aCrlfPageIsIndexedLikeItsLfTwin() throws IOException {
    String lf = "---\ntitle: \"zlib\"\ncategories: [package, %s]\n" + ZLIB_SPEC + "---\n";
    write("_cache/develop/zlib/specs.md", lf.formatted("develop").replace("\n", "\r\n"));
    write("_cache/v0.23.0/zlib/specs.md", lf.formatted("v0.23.0"));

    assertEquals(List.of(), readBesideTheGoodPage(3));
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(1, probe.pageCount("develop", "zlib"));
      assertEquals(1, probe.pageCount("v0.23.0", "zlib"));
      assertEquals(Map.of("zen3", 2, "x86_64_v3", 1), probe.facet(SpecField.TARGET.indexField()));
      assertEquals(
          Map.of("gcc@11.4.0", 2, "none", 1), probe.facet(SpecField.COMPILER.indexField()));
    }
  }

  @Test
  void aCrlfPageWithAMistakeNamesTheSameLineAsLf() throws IOException {
    Path page =
        zlib(
            ("---\ntitle: \"zlib\"\ncategories: [package, develop\n" + ZLIB_SPEC + "---\n")
                .replace("\n", "\r\n"));

    assertEquals(
        List.of(
            page
                + ":3: YAML syntax error: expected ',' or ']', but got the end of the front"
                + " matter (while parsing a flow sequence that starts on this line)"),
        failingBesideTheGoodPage());
  }

  @Test
  void anUnclosedBracketIsReportedOnItsOwnLineNotPastTheFrontMatter() throws IOException {
    Path page = zlib("---\ntitle: \"zlib\"\ncategories: [package, develop\nlayout: cache\n---\n");

    assertEquals(
        List.of(
            page
                + ":3: YAML syntax error: expected ',' or ']', but got : on line 4 (while"
                + " parsing a flow sequence that starts on this line)"),
        failingBesideTheGoodPage());
  }

  @Test
  void billionLaughsIsRefusedAtItsFirstAlias() throws IOException {
    Path page =
        zlib(
            "---\n"
                + "title: \"zlib\"\n"
                + "categories: [package, develop]\n"
                + "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + ZLIB_SPEC
                + "---\n");

    assertEquals(
        List.of(page + ":5: YAML aliases are not supported (found *a)"),
        failingBesideTheGoodPage());
  }

  @Test
  void deepFlowNestingIsRefusedOnItsLine() throws IOException {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Path page =
        zlib("---\ntitle: \"zlib\"\ncategories: [package, develop]\ndeep: " + deep + "\n---\n");

    assertEquals(
        List.of(page + ":4: lists and mappings nest deeper than 50 levels"),
        failingBesideTheGoodPage());
  }

  @Test
  void deepBlockNestingIsRefusedOnTheLineThatGoesTooDeep() throws IOException {
    StringBuilder deep = new StringBuilder("deep:\n");
    for (int level = 1; level <= 60; level++) {
      deep.append("  ".repeat(level)).append("k:\n");
    }
    // The page is level 1, 'deep' opens level 2 on line 5, each line one more: 51 on line 54.
    Path page = zlib("---\ntitle: \"zlib\"\ncategories: [package, develop]\n" + deep + "---\n");

    assertEquals(
        List.of(page + ":54: lists and mappings nest deeper than 50 levels"),
        failingBesideTheGoodPage());
  }

  @Test
  void aHugePageWrongOnEverySpecListsTheFirstHundredProblemsAndCountsTheRest() throws IOException {
    StringBuilder page =
        new StringBuilder("---\ntitle: \"zlib\"\ncategories: [package, develop]\n");
    page.append("spec_details:\n");
    String base32 = "abcdefghijklmnopqrstuvwxyz234567";
    for (int i = 0; i < 150; i++) {
      String hash = "a".repeat(30) + base32.charAt(i / 32) + base32.charAt(i % 32);
      page.append("  - {hash: ")
          .append(hash)
          .append(", compiler: none, os: ubuntu22.04, platform: linux, versions: [\"1\"]}\n");
    }
    Path file = zlib(page.append("---\n").toString());

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add(
          file + ":" + (5 + i) + ": spec_details[" + i + "]: missing required field 'target'");
    }
    expected.add(file + ":105: 50 more problems from this line on, not shown");
    assertEquals(expected, failingBesideTheGoodPage());
  }

  @Test
  void aTitleWithAControlCharacterIsRefusedAndShownEscaped() throws IOException {
    Path page =
        zlib("---\ntitle: \"zl\\x07ib\"\ncategories: [package, develop]\n" + ZLIB_SPEC + "---\n");

    assertEquals(
        List.of(
            page
                + ":2: 'title' must be a package name, not \"zl\\u0007ib\": it holds a control"
                + " character"),
        failingBesideTheGoodPage());
  }

  @Test
  void aTitleWithAPathSeparatorIsRefused() throws IOException {
    Path slash = zlib("---\ntitle: \"../zlib\"\ncategories: [package, develop]\n---\n");
    Path backslash =
        write(
            "_cache/develop/bzip2/specs.md",
            "---\ntitle: 'bzip2\\..'\ncategories: [package, develop]\n---\n");

    assertEquals(
        List.of(
            backslash + ":1: missing required field 'spec_details' (the list of specs)",
            backslash
                + ":2: 'title' must be a package name, not \"bzip2\\..\": it holds a path"
                + " separator",
            slash + ":1: missing required field 'spec_details' (the list of specs)",
            slash
                + ":2: 'title' must be a package name, not \"../zlib\": it holds a path"
                + " separator"),
        ingestProblems(1, 2));
  }

  @Test
  void aTitleThatIsAPathStepIsRefused() throws IOException {
    Path page = zlib("---\ntitle: \"..\"\ncategories: [package, develop]\n" + ZLIB_SPEC + "---\n");

    assertEquals(
        List.of(page + ":2: 'title' must be a package name, not \"..\": it is a path step"),
        failingBesideTheGoodPage());
  }

  @Test
  void aLongTitleIsCutInTheMessage() throws IOException {
    Path page =
        zlib(
            "---\ntitle: \""
                + "z".repeat(5000)
                + " lib\"\ncategories: [package, develop]\n"
                + ZLIB_SPEC
                + "---\n");

    assertEquals(
        List.of(
            page
                + ":2: 'title' must be a package name, not \""
                + "z".repeat(80)
                + "...\": it holds white space"),
        failingBesideTheGoodPage());
  }

  @Test
  void aTagWithAPathSeparatorIsRefused() throws IOException {
    Path page =
        zlib("---\ntitle: \"zlib\"\ncategories: [package, \"dev/elop\"]\n" + ZLIB_SPEC + "---\n");

    assertEquals(
        List.of(
            page
                + ":3: 'categories' must name a tag, not \"dev/elop\": it holds a path"
                + " separator"),
        failingBesideTheGoodPage());
  }

  @Test
  void aTagFolderWithAControlCharacterIsNoTag() throws IOException {
    write("_cache/dev\u001Belop/zlib/specs.md", "---\ntitle: \"zlib\"\n" + ZLIB_SPEC + "---\n");
    String shown = tree + "/_cache/dev\\u001Belop/zlib/specs.md";

    assertEquals(
        List.of(
            shown
                + ":1: no tag: 'categories: [package, <tag>]' is missing and the path's tag"
                + " folder \"dev\\u001Belop\": it holds a control character"),
        failingBesideTheGoodPage());
  }

  @Test
  void aFolderNameWithALineBreakIsPrintedOnOneLineAndThePageIsIndexed() throws IOException {
    write(
        "_cache/develop/zl\nib/specs.md",
        "---\ntitle: \"zlib\"\ncategories: [package, develop]\n" + ZLIB_SPEC + "---\n");
    String shown = tree + "/_cache/develop/zl\\u000Aib/specs.md";

    assertEquals(
        List.of(
            shown
                + ":1: warning: page says develop/zlib but lies under"
                + " _cache/develop/zl\\u000Aib/"),
        readBesideTheGoodPage(2));
  }

  /** Ingests the tree, where {@code failed} pages fail; their problems as printed. */
  private List<String> ingestProblems(int pages, int failed) throws IOException {
    IngestSummary summary = ingest();
    assertEquals(pages, summary.pages());
    assertEquals(failed, summary.failedPages());
    return summary.problems().stream().map(Problem::toString).toList();
  }
}
