package org.spack.cachesearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.ResultPage;
import org.spack.cachesearch.search.SearchException;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.Selection;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code query}: specs matching a Lucene query, a Spack spec and a CPU, as a table or JSON, for
 * terminal users.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the specs that match a Lucene-syntax query, e.g. 'compiler:gcc* AND"
          + " target:aarch64', and/or a Spack spec (--spec 'zlib@1.3: +shared %%gcc@13') and a"
          + " CPU (--compatible-with zen3). Fields: "
          + "package, tag, hash, compiler, compilerName, compilerVersion, versions, os, platform,"
          + " target, arch, stacks, variants, size, text (bare words).",
      "Exit codes: 0 done (even with no match), 64 bad query or usage, 66 no index to read (run"
          + " ingest first), 70 internal error."
    })
final class QueryCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description = "Lucene query; '*:*' or nothing for all.")
  String query;

  @Option(
      names = "--spec",
      paramLabel = "SPEC",
      description = "Spack spec syntax, e.g. 'py-numpy@1.26: +blas %%gcc@13 os=ubuntu22.04'.")
  String specExpression;

  @Option(
      names = "--compatible-with",
      paramLabel = "CPU",
      description = "Only binaries that run on this microarchitecture, e.g. zen3.")
  String compatibleWith;

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
    int maxFirst = Limits.DEFAULT.maxFirst();
    if (first < 1 || first > maxFirst) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--first must be 1 to " + maxFirst + ", not " + first);
    }
    PrintWriter out = spec.commandLine().getOut();
    String text = query == null || query.equals("*:*") ? null : query;
    try (SearchIndex searchIndex =
            SearchIndex.open(indexOption.dir, Limits.DEFAULT, Duration.ofHours(1));
        IndexView view = searchIndex.acquire()) {
      ResultPage<SpecHit> result =
          view.search(
              new SpecRequest(
                  Selection.of(text, SpecFilter.NONE).with(specExpression, compatibleWith),
                  first,
                  null,
                  sort,
                  true));
      List<SpecHit> hits = result.nodes();
      if (json) {
        printJson(hits, out);
      } else {
        printTable(hits, result.totalCount(), out);
      }
      out.flush();
      if (view.partial()) {
        spec.commandLine()
            .getErr()
            .println(
                "warning: the search ran past its time limit; specs and counts may be missing");
      }
      return 0;
    } catch (SearchException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return Main.USAGE;
    }
  }

  /** The vocabulary's columns, two spaces apart, each padded to its width. */
  private static void printTable(List<SpecHit> hits, int total, PrintWriter out) {
    List<SpecField.Column> columns =
        SpecField.columns().stream().map(f -> f.column().orElseThrow()).toList();
    out.println(row(columns, SpecField.Column::header));
    for (SpecHit h : hits) {
      out.println(row(columns, c -> c.shown().apply(h)));
    }
    out.printf(Locale.ROOT, "%d of %d specs%n", hits.size(), total);
  }

  private static String row(
      List<SpecField.Column> columns, Function<SpecField.Column, String> cell) {
    StringBuilder line = new StringBuilder();
    for (SpecField.Column c : columns) {
      if (line.length() > 0) {
        line.append("  ");
      }
      String text = cell.apply(c);
      line.append(text).append(" ".repeat(Math.max(0, c.width() - text.length())));
    }
    return line.toString();
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
