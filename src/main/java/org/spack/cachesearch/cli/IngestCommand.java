package org.spack.cachesearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.ingest.BuildCacheException;
import org.spack.cachesearch.ingest.Catalog;
import org.spack.cachesearch.ingest.CatalogEntry;
import org.spack.cachesearch.ingest.HttpFetcher;
import org.spack.cachesearch.ingest.MirrorReader;
import org.spack.cachesearch.ingest.PageLimits;
import org.spack.cachesearch.ingest.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ingest}: page trees and build-cache indexes into the index, then a summary. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads build-cache pages (files, or trees holding _cache/<tag>/<package>/specs.md) and"
          + " Spack build-cache indexes (an index.json, a mirror directory or URL in layout v2 or"
          + " v3, or every release and stack of a catalogue) into the index. Each page replaces"
          + " every earlier spec of its (tag, package); a build-cache index replaces its whole"
          + " tag; one commit at the end.",
      "Exit codes: 0 done, 64 usage error, 65 some pages or indexes had errors, 70 internal"
          + " error."
    })
final class IngestCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..*",
      paramLabel = "SOURCE",
      description =
          "Page files or trees; build-cache index files, mirror directories or http(s) URLs"
              + " (these need --tag).")
  List<String> sources = List.of();

  @Option(
      names = "--tag",
      paramLabel = "NAME",
      description = "The tag the build-cache indexes' binaries are filed under, e.g. develop.")
  String tag;

  @Option(
      names = "--catalog",
      paramLabel = "URL|FILE",
      description =
          "A catalogue of build caches (cache_spack_io_index.json): every release is a tag, and"
              + " each binary's stacks are the stacks whose index holds it.")
  String catalog;

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

  @Option(
      names = "--max-page-bytes",
      paramLabel = "BYTES",
      description =
          "Largest page file read; a larger one is an error, not read (default: ${DEFAULT-VALUE}).")
  int maxPageBytes = PageLimits.DEFAULT_MAX_BYTES;

  @Option(
      names = "--max-page-nesting",
      paramLabel = "N",
      description =
          "Deepest nesting of lists and mappings in a page's front matter"
              + " (default: ${DEFAULT-VALUE}).")
  int maxPageNesting = PageLimits.DEFAULT_MAX_NESTING;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private PageLimits pageLimits() {
    try {
      return new PageLimits(maxPageBytes, maxPageNesting);
    } catch (IllegalArgumentException e) {
      throw usage("--max-page-bytes must be 1 or more and --max-page-nesting 2 or more");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw usage("--threads must be 1 or more");
    }
    if (sources.isEmpty() && catalog == null) {
      throw usage("give pages, build-cache indexes or --catalog");
    }
    List<Path> pages = new ArrayList<>();
    List<IngestRun.BuildCache> caches = new ArrayList<>();
    for (String source : sources) {
      if (MirrorReader.isBuildCache(source)) {
        if (tag == null) {
          throw usage("the build-cache index " + source + " needs --tag NAME");
        }
        caches.add(new IngestRun.BuildCache(source, tag, null));
      } else if (Files.exists(Path.of(source))) {
        pages.add(Path.of(source));
      } else {
        throw usage("no such file or directory: " + source);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HttpFetcher http = new HttpFetcher();
    if (catalog != null) {
      try {
        for (CatalogEntry e : Catalog.read(catalog, http)) {
          caches.add(new IngestRun.BuildCache(e.location(), e.release(), e.stack()));
        }
      } catch (BuildCacheException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return Main.DATA_ERROR;
      }
    }
    IngestRun.Options options =
        new IngestRun.Options(pages, caches, indexOption.dir, prune, strict, threads, pageLimits());
    IngestSummary summary =
        new IngestRun(options, ConsoleProgress.create(err), new MirrorReader(http)).run();
    for (Problem problem : summary.problems()) {
      err.println(problem);
    }
    err.flush();
    SummaryPrinter.print(summary, indexOption.dir, out);
    out.flush();
    return summary.errors() > 0 ? Main.DATA_ERROR : 0;
  }
}
