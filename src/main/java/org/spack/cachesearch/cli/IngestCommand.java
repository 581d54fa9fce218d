package org.spack.cachesearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.ingest.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest}: page files and trees into the index, then a summary. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads build-cache pages (files, or trees holding _cache/<tag>/<package>/specs.md) into the"
          + " index. Each page replaces every earlier spec of its (tag, package); one commit at"
          + " the end.",
      "Exit codes: 0 done, 64 usage error, 65 some pages had errors, 70 internal error."
    })
final class IngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Page files or directory trees.")
  List<Path> paths;

  @CommandLine.Mixin IndexOption indexOption;

  @Option(
      names = "--prune",
      description =
          "Remove (tag, package) pages absent from the given trees, for the tags they cover.")
  boolean prune;

  @Option(names = "--strict", description = "Commit nothing if any page has an error.")
  boolean strict;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Pages read and indexed at once (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "no such file or directory: " + path);
      }
    }
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IngestRun.Options options =
        new IngestRun.Options(paths, indexOption.dir, prune, strict, threads);
    IngestSummary summary = new IngestRun(options, ConsoleProgress.create(err)).run();
    for (Problem problem : summary.problems()) {
      err.println(problem);
    }
    err.flush();
    SummaryPrinter.print(summary, indexOption.dir, out);
    out.flush();
    return summary.errors() > 0 ? Main.DATA_ERROR : 0;
  }
}
