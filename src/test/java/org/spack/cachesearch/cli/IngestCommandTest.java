package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import picocli.CommandLine;

class IngestCommandTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void ingestingTheBundledSampleSucceedsAndPrintsTheSummary() {
    int code = run("ingest", "src/main/resources/sample", "--index", tmp.resolve("i").toString());

    assertEquals(0, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals("pages     73 indexed, 0 with errors, 0 legacy skipped", lines.get(0));
    assertEquals("specs     905", lines.get(1));
    assertEquals(
        "tags      4 [develop, develop-2025-03-23, develop-2025-03-30, v0.23.0]", lines.get(2));
    assertEquals("warnings  0", lines.get(3));
    assertEquals("errors    0", lines.get(4));
    assertTrue(lines.get(5).startsWith("elapsed   "), lines.get(5));
    assertEquals("index     " + tmp.resolve("i") + ": committed, 905 specs", lines.get(6));
    assertTrue(err.toString().startsWith("ingest: 73 page files found"), err.toString());
  }

  @Test
  void aPageOverMaxPageBytesIsAnErrorAndTheOtherPagesAreIndexed() throws IOException {
    Path pages = tmp.resolve("pages/_cache/develop");
    Files.createDirectories(pages.resolve("adios"));
    Files.createDirectories(pages.resolve("ant"));
    Path adios = pages.resolve("adios/specs.md");
    Path ant = pages.resolve("ant/specs.md");
    Files.copy(Corpus.cacheTree().resolve("_cache/develop/adios/specs.md"), adios);
    Files.copy(Corpus.cacheTree().resolve("_cache/develop/ant/specs.md"), ant);
    long small = Math.min(Files.size(adios), Files.size(ant));
    long large = Math.max(Files.size(adios), Files.size(ant));
    Path tooLarge = Files.size(adios) == large ? adios : ant;

    int code =
        run(
            "ingest",
            tmp.resolve("pages").toString(),
            "--index",
            tmp.resolve("i").toString(),
            "--max-page-bytes",
            String.valueOf(small));

    assertEquals(Main.DATA_ERROR, code, err.toString());
    assertTrue(
        err.toString()
            .contains(
                tooLarge
                    + ":1: page too large: "
                    + large
                    + " bytes, over the limit of "
                    + small
                    + " bytes; not read"),
        err.toString());
    assertTrue(out.toString().contains("pages     1 indexed, 1 with errors"), out.toString());
  }

  @Test
  void aPageLimitOutOfRangeIsAUsageError() {
    int code = run("ingest", "src/main/resources/sample", "--max-page-nesting", "1");

    assertEquals(Main.USAGE, code);
    assertTrue(
        err.toString()
            .contains("--max-page-bytes must be 1 or more and --max-page-nesting 2 or more"),
        err.toString());
  }

  @Test
  void legacyPagesAreWarningsAndDoNotFailTheRun() {
    int code =
        run(
            "ingest",
            Corpus.shared().resolve("corpus/legacy").toString(),
            "--index",
            tmp.resolve("i").toString());

    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("pages     0 indexed, 0 with errors, 3 legacy skipped"));
    assertTrue(
        err.toString()
            .contains(
                Corpus.shared().resolve("corpus/legacy/zlib/specs.md").normalize()
                    + ":6: warning: legacy format (category: package with spec_files/spec_names), not indexed"),
        err.toString());
  }

  @Test
  void pageErrorsArePrintedAsPathLineMessageAndExitWith65() throws IOException {
    Path page = tmp.resolve("bad.md");
    Files.writeString(
        page, "---\ntitle: \"x\"\ncategories: [package, develop]\nspec_details: 7\n---\n");

    int code = run("ingest", page.toString(), "--index", tmp.resolve("i").toString());

    assertEquals(65, code);
    assertTrue(
        err.toString().contains(page + ":4: 'spec_details' must be a list of specs, not a number"),
        err.toString());
    assertTrue(out.toString().contains("errors    1"));
  }

  @Test
  void aMissingPathIsAUsageErrorWith64() {
    int code = run("ingest", tmp.resolve("nowhere").toString());

    assertEquals(64, code);
    assertTrue(
        err.toString().startsWith("error: no such file or directory: " + tmp.resolve("nowhere")),
        err.toString());
  }

  @Test
  void noPathsAndUnknownOptionsAreUsageErrors() {
    assertEquals(64, run("ingest"));
    assertEquals(64, run("ingest", ".", "--frobnicate"));
    assertEquals(64, run());
    assertEquals(64, run("explode"));
  }

  @Test
  void helpExitsZeroAndNamesTheOptions() {
    assertEquals(0, run("ingest", "--help"));
    String help = out.toString();
    assertTrue(
        help.contains("--prune") && help.contains("--strict") && help.contains("--index"), help);
  }
}
