package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import picocli.CommandLine;

class QueryCommandTest {
  @TempDir static Path tmp;
  private static Path index;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void ingest() throws Exception {
    index = tmp.resolve("index");
    new IngestRun(
            IngestRun.Options.of(List.of(Corpus.cacheTree().resolve("_cache/v0.23.0")), index),
            IngestProgress.NONE)
        .run();
  }

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void printsMatchingSpecsAsATable() {
    int code = run("query", "package:direnv", "--index", index.toString(), "--sort", "HASH");

    assertEquals(0, code, err.toString());
    assertEquals(
        List.of(
            "HASH     PACKAGE                   VERSION       COMPILER              OS      "
                + "        TARGET        TAG",
            "yndowal  direnv                    2.35.0        gcc@10.2.1            centos7     "
                + "    x86_64_v3     v0.23.0",
            "1 of 1 specs"),
        out.toString().lines().toList());
  }

  @Test
  void takesASpackSpecAndACpuWithoutAQuery() {
    int code =
        run(
            "query",
            "--spec",
            "direnv@2.35: %gcc@10",
            "--compatible-with",
            "zen3",
            "--index",
            index.toString());

    assertEquals(0, code, err.toString());
    assertEquals(
        List.of(
            "HASH     PACKAGE                   VERSION       COMPILER              OS      "
                + "        TARGET        TAG",
            "yndowal  direnv                    2.35.0        gcc@10.2.1            centos7     "
                + "    x86_64_v3     v0.23.0",
            "1 of 1 specs"),
        out.toString().lines().toList());
  }

  @Test
  void aSpecThePagesCannotAnswerIsAUsageErrorWithItsColumn() {
    int code = run("query", "--spec", "direnv cflags=-O2", "--index", index.toString());

    assertEquals(64, code);
    assertEquals(
        "error: spec at column 8: compiler flags (cflags) cannot be searched: the data has none\n",
        err.toString());
  }

  @Test
  void printsOneJsonObjectPerSpec() {
    int code = run("query", "package:direnv", "--index", index.toString(), "--json");

    assertEquals(0, code, err.toString());
    assertTrue(out.toString().startsWith("{\"hash\":\"yndowal"), out.toString());
    assertTrue(out.toString().contains("\"install\":\"spack install /yndowal"), out.toString());
  }

  @Test
  void aBadQueryIsAUsageErrorWithTheColumn() {
    int code = run("query", "compiler:(gcc", "--index", index.toString());

    assertEquals(64, code);
    assertEquals(
        "error: query syntax error at column 14: the query ends too early\n", err.toString());
  }

  @Test
  void aMissingIndexSaysToIngestFirst() {
    int code = run("query", "zlib", "--index", tmp.resolve("none").toString());

    assertEquals(66, code);
    assertTrue(err.toString().startsWith("error: no index there ("), err.toString());
    assertTrue(err.toString().endsWith("run ingest first\n"), err.toString());
  }
}
