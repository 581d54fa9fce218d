package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import picocli.CommandLine;

/** Each mistake a new user makes, tried as they would: the exact message and exit code. */
class NewcomerMistakesTest {
  @TempDir static Path tmp;
  private static Path index;
  private static Path file;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void ingest() throws IOException {
    index = tmp.resolve("index");
    new IngestRun(
            IngestRun.Options.of(List.of(Path.of("src/main/resources/sample")), index),
            IngestProgress.NONE)
        .run();
    file = Files.writeString(tmp.resolve("notes.txt"), "not an index");
  }

  private int run(Map<String, String> environment, String... args) {
    CommandLine cmd = Main.commandLine(environment);
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String firstErrorLine() {
    return err.toString().lines().findFirst().orElse("");
  }

  @Test
  void aPortInUseNamesThePortAndTheFlag() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      int code = run("serve", "--index", index.toString(), "--port", String.valueOf(port));

      assertEquals(64, code);
      assertEquals(
          "error: port "
              + port
              + " on 127.0.0.1 is already in use; stop what holds it or choose another port with"
              + " --port\n",
          err.toString());
    }
  }

  @Test
  void aPortInUseGivenByTheEnvironmentIsReportedTheSameWay() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Map<String, String> env =
          Map.of("SPACK_SEARCH_PORT", String.valueOf(port), "SPACK_SEARCH_INDEX", index.toString());
      assertEquals(64, run(env, "serve"));
      assertEquals(
          "error: port "
              + port
              + " on 127.0.0.1 is already in use; stop what holds it or choose another port with"
              + " --port\n",
          err.toString());
    }
  }

  @Test
  void anIndexPathThatIsAFileIsAUsageErrorNamingThePath() {
    String expected =
        "error: no index there ("
            + file
            + " is a file, not a directory); give --index a directory\n";
    assertEquals(64, run("query", "zlib", "--index", file.toString()));
    assertEquals(expected, err.toString());

    err.getBuffer().setLength(0);
    assertEquals(64, run("serve", "--index", file.toString(), "--port", "0"));
    assertEquals(expected, err.toString());

    err.getBuffer().setLength(0);
    assertEquals(64, run("ingest", "src/main/resources/sample", "--index", file.toString()));
    assertTrue(err.toString().endsWith(expected), err.toString());
  }

  @Test
  void aMissingIndexSaysWhereAndToRunIngestFirstAndCreatesNothing() {
    Path typo = tmp.resolve("idnex");
    assertEquals(66, run("query", "zlib", "--index", typo.toString()));
    assertEquals(
        "error: no index there (" + typo + " does not exist); run ingest first\n", err.toString());
    assertFalse(Files.exists(typo), "query created the directory it was given");
  }

  @Test
  void queryHelpListsEveryExitCodeAndFormatsWithoutWarnings() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = run("query", "--help");
    } finally {
      System.setErr(stderr);
    }
    assertEquals(0, code);
    assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(
        help.contains(
            "Exit codes: 0 done (even with no match), 64 bad query or usage, 66 no index to read"
                + " (run ingest first), 70 internal error."),
        help);
    assertTrue(help.contains("--spec 'zlib@1.3: +shared %gcc@13'"), help);
  }

  @Test
  void versionIsThePomVersion() {
    assertEquals(0, run("-V"));
    assertEquals(
        "spack-cache-search " + System.getProperty("project.version") + "\n", out.toString());
  }

  @Test
  void firstOutOfRangeNamesTheFlagAndItsRange() {
    assertEquals(64, run("query", "--first", "1000", "--index", index.toString()));
    assertEquals("error: --first must be 1 to 100, not 1000", firstErrorLine());
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    assertEquals(64, run("serve", "--port", "99999", "--index", index.toString()));
    assertEquals(
        "error: --port must be a whole number from 0 to 65535, not '99999'", firstErrorLine());
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariable() {
    assertEquals(64, run(Map.of("SPACK_SEARCH_MAX_BODY", "lots"), "serve"));
    assertEquals(
        "error: --max-body must be a whole number of 1 or more, not 'lots' (from"
            + " SPACK_SEARCH_MAX_BODY)",
        firstErrorLine());
  }

  @Test
  void anAddressThatIsNotOursNamesTheHostFlag() {
    assertEquals(
        64, run("serve", "--index", index.toString(), "--host", "192.0.2.1", "--port", "0"));
    assertEquals(
        "error: cannot listen on 192.0.2.1:0 (Cannot assign requested address); check --host and"
            + " --port\n",
        err.toString());
  }

  @Test
  void theContainerHealthCheckFollowsTheConfiguredPort() throws IOException {
    assertEquals(
        "http://127.0.0.1:9090/health/ready",
        HealthProbe.defaultUrl(
            Map.of("SPACK_SEARCH_PORT", "9090", "SPACK_SEARCH_HOST", "0.0.0.0")));
    assertEquals("http://127.0.0.1:8080/health/ready", HealthProbe.defaultUrl(Map.of()));
    List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
    assertTrue(
        dockerfile.contains(
            "  CMD [\"java\", \"-cp\", \"/app/spack-cache-search.jar\","
                + " \"org.spack.cachesearch.cli.HealthProbe\"]"),
        String.join("\n", dockerfile));
    assertTrue(dockerfile.contains("ENV SPACK_SEARCH_PORT=8080"), String.join("\n", dockerfile));
  }
}
