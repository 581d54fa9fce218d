package org.spack.cachesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.SyntheticPages;

/** An ingest killed with SIGKILL mid-run leaves the previous commit whole and readable. */
class IngestKillTest {
  private static final Pattern PROGRESS = Pattern.compile("ingest: (\\d+)/(\\d+) pages.*");
  private static final int PAGES = 1500;

  @TempDir Path tmp;

  @Test
  void aKilledIngestLeavesThePreviousCommitWithItsDocumentCount() throws Exception {
    Path index = tmp.resolve("index");
    new IngestRun(IngestRun.Options.of(List.of(Corpus.cacheTree()), index), IngestProgress.NONE)
        .run();
    Path big = tmp.resolve("big");
    SyntheticPages.write(big, "develop", PAGES);

    Process child =
        new ProcessBuilder(
                javaBin(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.spack.cachesearch.cli.Main",
                "ingest",
                big.toString(),
                "--index",
                index.toString(),
                "--threads",
                "1")
            .redirectErrorStream(true)
            .start();
    int pagesDone = waitForProgress(child);
    child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));

    assertTrue(pagesDone > 0 && pagesDone < PAGES, "killed mid-run, after " + pagesDone + " pages");
    assertEquals(137, child.exitValue());
    try (IndexProbe probe = new IndexProbe(index)) {
      assertEquals(905, probe.numDocs());
      assertEquals(0, probe.pageCount("develop", "synthetic-0"));
    }
    // The lock died with the process: the next ingest runs and commits.
    IngestSummary next =
        new IngestRun(
                IngestRun.Options.of(List.of(big.resolve("_cache/develop/synthetic-0")), index),
                IngestProgress.NONE)
            .run();
    assertEquals(905 + 124, next.indexSpecs());
  }

  /** Reads the child's log until a progress line shows pages done but not all of them. */
  private static int waitForProgress(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = PROGRESS.matcher(line);
      if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the child ended before it reported progress");
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
