package org.spack.cachesearch.bench;

import graphql.ExecutionResult;
import graphql.GraphQL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.spack.cachesearch.graphql.SpackApi;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

/**
 * GraphQL execution in process, without HTTP: one package's page of 100 specs with most fields, 100
 * warm-up executions then 500 measured; p50 and p90. Separates graphql-java's own cost from the
 * search's (compare with QueryBench's "one package's specs").
 *
 * <p>usage: GraphQLBench INDEX_DIR PACKAGE TAG
 */
public final class GraphQLBench {
  private GraphQLBench() {}

  public static void main(String[] args) throws Exception {
    String query =
        String.format(
            Locale.ROOT,
            "{ package(name: \"%s\", tag: \"%s\") { numSpecs versions compilers specs(first: 100)"
                + " { nodes { hash package tag versions compiler { raw name version } os"
                + " platform target arch variants { raw name value } stacks size installCommand"
                + " specString } } } }",
            args[1],
            args[2]);
    try (SearchIndex index =
        SearchIndex.open(Path.of(args[0]), Limits.DEFAULT, Duration.ofHours(1))) {
      GraphQL api = SpackApi.build(index);
      long[] nanos = new long[600];
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        ExecutionResult result = api.execute(query);
        nanos[i] = System.nanoTime() - start;
        if (!result.getErrors().isEmpty()) {
          throw new IllegalStateException(result.getErrors().toString());
        }
      }
      long[] measured = Arrays.copyOfRange(nanos, 100, nanos.length);
      Arrays.sort(measured);
      System.out.printf(
          Locale.ROOT,
          "graphql p50 %.2f ms p90 %.2f ms%n",
          measured[measured.length / 2] / 1e6,
          measured[measured.length * 9 / 10] / 1e6);
    }
  }
}
