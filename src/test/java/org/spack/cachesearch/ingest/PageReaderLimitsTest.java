package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's limits and the YAML it refuses, page by page, each with its exact message. */
class PageReaderLimitsTest {
  private static final String SPEC =
      "spec_details: [{\"hash\": \"zjpj5ait7gfxsoiotbyjcorlyq5pjxdw\", \"compiler\": \"none\","
          + " \"os\": \"ubuntu22.04\", \"platform\": \"linux\", \"target\": \"x86_64_v3\","
          + " \"versions\": [\"3.2.1\"]}]\n";
  private static final String HEAD = "---\ntitle: \"aida\"\ncategories: [package, develop]\n";

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("specs.md"), text);
  }

  private static List<String> problems(ReadResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aPageOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws IOException {
    Path page = write(HEAD + SPEC + "---\n");
    int size = (int) Files.size(page);

    ReadResult atLimit = new PageReader(new PageLimits(size, 50)).read(page);
    ReadResult overLimit = new PageReader(new PageLimits(size - 1, 50)).read(page);

    assertEquals(ReadResult.Kind.PAGE, atLimit.kind());
    assertEquals(
        List.of(
            page
                + ":1: page too large: "
                + size
                + " bytes, over the limit of "
                + (size - 1)
                + " bytes; not read"),
        problems(overLimit));
  }

  @Test
  void limitsThatCannotWorkAreRefused() {
    assertEquals(
        "maxBytes must be 1 to 2147483631, was 0",
        assertThrows(IllegalArgumentException.class, () -> new PageLimits(0, 50)).getMessage());
    assertEquals(
        "maxNesting must be 2 or more, was 1",
        assertThrows(IllegalArgumentException.class, () -> new PageLimits(1024, 1)).getMessage());
  }

  @Test
  void aNestingLimitOfFiveTakesFourLevelsUnderTheFrontMatterAndRefusesAFifth() throws IOException {
    PageReader reader = new PageReader(new PageLimits(1024, 5));
    Path fourLevels = write(HEAD + "x: [[[[a]]]]\n" + SPEC + "---\n");
    assertEquals(List.of(), problems(reader.read(fourLevels)));

    Path fiveLevels = write(HEAD + "x: [[[[[a]]]]]\n" + SPEC + "---\n");
    assertEquals(
        List.of(fiveLevels + ":4: lists and mappings nest deeper than 5 levels"),
        problems(reader.read(fiveLevels)));
  }

  @Test
  void aListAsAMappingKeyIsRefusedOnItsLine() throws IOException {
    Path page = write(HEAD + "? [a, b]\n: c\n" + SPEC + "---\n");
    assertEquals(
        List.of(page + ":4: a mapping key must be a plain value, not a list or mapping"),
        problems(new PageReader().read(page)));
  }

  @Test
  void aSecondYamlDocumentIsRefusedOnItsLine() throws IOException {
    Path page = write(HEAD + "--- second\n" + SPEC + "---\n");
    assertEquals(
        List.of(page + ":4: the front matter holds more than one YAML document"),
        problems(new PageReader().read(page)));
  }

  @Test
  void aMergeKeyIsAnAliasAndRefused() throws IOException {
    Path page = write(HEAD + "m: &m {k: v}\nn: {<<: *m}\n" + SPEC + "---\n");
    assertEquals(
        List.of(page + ":5: YAML aliases are not supported (found *m)"),
        problems(new PageReader().read(page)));
  }

  @Test
  void anUnclosedQuoteOnTheLastLineIsReportedThere() throws IOException {
    Path page = write("---\ncategories: [package, develop]\n" + SPEC + "title: \"aida\n---\n");
    assertEquals(
        List.of(
            page
                + ":4: YAML syntax error: found unexpected end of the front matter (while"
                + " scanning a quoted scalar that starts on this line)"),
        problems(new PageReader().read(page)));
  }

  @Test
  void aNulCharacterIsRefusedOnItsLine() throws IOException {
    Path page = write(HEAD + "note: a\u0000b\n" + SPEC + "---\n");
    assertEquals(
        List.of(page + ":4: the character U+0000 is not allowed in YAML"),
        problems(new PageReader().read(page)));
  }

  @Test
  void bareCrLineEndsAreNamed() throws IOException {
    Path page = write((HEAD + SPEC + "---\n").replace('\n', '\r'));
    assertEquals(
        List.of(page + ":1: line ends are bare CR characters: write LF or CRLF line ends"),
        problems(new PageReader().read(page)));
  }

  @Test
  void aBareCrInsideTheFrontMatterIsRefusedOnItsLine() throws IOException {
    // Found by PageReaderFuzzTest: SnakeYAML counted each CR as a line, every later line was off.
    Path page = write(HEAD + "note: a\rb\n" + SPEC + "---\n");
    assertEquals(
        List.of(
            page
                + ":4: the character U+000D in the middle of a line: YAML reads it as a line"
                + " end; write LF or CRLF line ends"),
        problems(new PageReader().read(page)));
  }

  @Test
  void aLineSeparatorInsideTheFrontMatterIsRefusedOnItsLine() throws IOException {
    Path page = write(HEAD + "layout: cache\nnote: a\u2028b\n" + SPEC + "---\n");
    assertEquals(
        List.of(
            page
                + ":5: the character U+2028 in the middle of a line: YAML reads it as a line"
                + " end; write LF or CRLF line ends"),
        problems(new PageReader().read(page)));
  }

  @Test
  void aLongWrongValueIsCutInTheMessage() throws IOException {
    Path page =
        write(
            HEAD
                + "spec_details:\n"
                + "  - {hash: zjpj5ait7gfxsoiotbyjcorlyq5pjxdw, compiler: none, os: ubuntu22.04,"
                + " platform: linux, target: x86_64_v3, versions: [\"1\"], size: "
                + "1".repeat(1200)
                + "}\n---\n");
    assertEquals(
        List.of(
            page
                + ":5: spec_details[0]: 'size' must be a number of bytes or \"-\", not a string \""
                + "1".repeat(80)
                + "...\""),
        problems(new PageReader().read(page)));
  }

  @Test
  void aPageReadFromBytesIsReadLikeTheFile() throws IOException {
    String text = HEAD + SPEC + "---\n";
    Path page = write(text);
    PageReader reader = new PageReader();
    assertEquals(reader.read(page), reader.read(page, text.getBytes(StandardCharsets.UTF_8)));
  }
}
