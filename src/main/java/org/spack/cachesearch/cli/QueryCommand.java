package org.spack.cachesearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.SearchException;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;
import org.spack.cachesearch.search.SpecHit;
import org.spack.cachesearch.search.SpecQueryParser;
import org.spack.cachesearch.search.SpecSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code query}: specs matching a Lucene query, as a table or JSON, for terminal users. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the specs that match a Lucene-syntax query, e.g. 'compiler:gcc* AND"
          + " target:aarch64'. Fields: "
          + "package, tag, hash, compiler, compilerName, compilerVersion, versions, os, platform,"
          + " target, arch, stacks, variants, size, text (bare words).",
      "Exit codes: 0 done (even with no match), 64 bad query or usage, 70 internal error."
    })
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY", description = "Lucene query; '*:*' for all.")
  String query;

  @CommandLine.Mixin IndexOption indexOption;

  @Option(
      names = "--first",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many specs to print, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int first;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "RELEVANCE, PACKAGE, VERSION, COMPILER or HASH.")
  SortOrder sort;

  @Option(names = "--json", description = "One JSON object per spec instead of a table.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String text = query.equals("*:*") ? null : query;
    try (SearchIndex searchIndex =
            new SearchIndex(indexOption.dir, SearchIndex.Limits.DEFAULT, Duration.ofHours(1));
        IndexView view = searchIndex.acquire()) {
      SpecSearch.Result result =
          SpecSearch.search(
              view,
              new SpecQueryParser(new IndexSchema()),
              new SpecSearch.Request(text, SpecFilter.NONE, first, null, sort, true));
      List<SpecHit> hits = result.edges().stream().map(SpecSearch.Edge::node).toList();
      if (json) {
        printJson(hits, out);
      } else {
        printTable(hits, result.totalCount(), out);
      }
      out.flush();
      return 0;
    } catch (SearchException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Main.USAGE;
    }
  }

  private static void printTable(List<SpecHit> hits, int total, PrintWriter out) {
    String format = "%-7s  %-24s  %-12s  %-20s  %-14s  %-12s  %s%n";
    out.printf(
        Locale.ROOT, format, "HASH", "PACKAGE", "VERSION", "COMPILER", "OS", "TARGET", "TAG");
    for (SpecHit h : hits) {
      out.printf(
          Locale.ROOT,
          format,
          h.hash().substring(0, 7),
          h.packageName(),
          String.join(",", h.versions()),
          h.compiler().normalized(),
          h.os(),
          h.target(),
          h.tag());
    }
    out.printf(Locale.ROOT, "%d of %d specs%n", hits.size(), total);
  }

  private static void printJson(List<SpecHit> hits, PrintWriter out) throws Exception {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    for (SpecHit h : hits) {
      var node = mapper.createObjectNode();
      node.put("hash", h.hash());
      node.put("package", h.packageName());
      node.put("tag", h.tag());
      node.put("spec", h.specString());
      node.put("install", h.installCommand());
      out.println(mapper.writeValueAsString(node));
    }
  }
}
