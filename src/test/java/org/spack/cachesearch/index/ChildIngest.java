package org.spack.cachesearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ingest} of the real CLI in a child JVM, left to finish or killed with SIGKILL after a
 * given time: {@link Process#destroyForcibly} sends SIGKILL on Linux, which the exit code 137 (128
 * + 9) confirms.
 */
final class ChildIngest {
  /** The exit code of a process ended by SIGKILL. */
  static final int KILLED = 137;

  /**
   * How a child ended.
   *
   * @param exitCode 0 when it finished, {@link #KILLED} when killed
   * @param millis from its start to its end
   * @param log its standard output and error
   */
  record Outcome(int exitCode, long millis, String log) {}

  private final Path index;
  private final Path logs;

  ChildIngest(Path index, Path logs) {
    this.index = index;
    this.logs = logs;
  }

  /** Ingests {@code pages}, killing the child if it is still running after {@code killAfter}. */
  Outcome run(Path pages, String name, long killAfterMillis)
      throws IOException, InterruptedException {
    Path log = logs.resolve(name + ".log");
    long start = System.nanoTime();
    Process child = command(pages).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!child.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
      child.destroyForcibly();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError(name + ": the child outlived SIGKILL by 30 s");
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Outcome(child.exitValue(), millis, Files.readString(log, StandardCharsets.UTF_8));
  }

  private ProcessBuilder command(Path pages) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
        List.of(
            java,
            // C1 only and the serial collector: a short run on shared cores starts sooner.
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            "org.spack.cachesearch.cli.Main",
            "ingest",
            pages.toString(),
            "--index",
            index.toString(),
            "--threads",
            "2"));
  }
}
