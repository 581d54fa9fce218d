package org.spack.cachesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.spack.cachesearch.spack.Compilers;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * Picks the mix's values as {@link MixPicker} does, but by asking a running server's facets (which
 * also come most common first, ties by value), so that the load sends the work of {@link
 * QueryBench}. The one difference: the hash prefix is the first one among the 100 smallest hashes
 * that starts no other hash (a lookup costs the same wherever the hash sorts).
 */
final class HttpMixPicker {
  /** The floor's dimension names, as {@link MixParams#filters} keys them, to GraphQL's. */
  private static final Map<String, String> FILTERS =
      Map.of(FloorSchema.OS, "os", FloorSchema.TARGET, "target", FloorSchema.STACKS, "stack");

  private final GraphQLClient client;

  private HttpMixPicker(GraphQLClient client) {
    this.client = client;
  }

  static MixParams pick(GraphQLClient client) throws IOException, InterruptedException {
    return new HttpMixPicker(client).pick();
  }

  /** The GraphQL filter argument of the multi-select query's filters. */
  static String filter(Map<String, String> filters) {
    return MixPicker.filterOrder(filters).stream()
        .map(f -> FILTERS.get(f.getKey()) + ": [" + quote(f.getValue()) + "]")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private MixParams pick() throws IOException, InterruptedException {
    List<String> tags = values("{}", "TAG", 1000);
    String tag = tags.contains("develop") ? "develop" : tags.get(0);
    String pagePackage = values("{tag: [" + quote(tag) + "]}", "PACKAGE", 1).get(0);
    return new MixParams(tag, filters(), pagePackage, hashPrefix(), range());
  }

  /** The most common os, the most common target among its specs, then stack among those. */
  private Map<String, String> filters() throws IOException, InterruptedException {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String dim : List.of(FloorSchema.OS, FloorSchema.TARGET, FloorSchema.STACKS)) {
      List<String> top = values(filter(filters), FILTERS.get(dim).toUpperCase(Locale.ROOT), 1);
      if (!top.isEmpty()) {
        filters.put(dim, top.get(0));
      }
    }
    return filters;
  }

  private String hashPrefix() throws IOException, InterruptedException {
    JsonNode nodes =
        client.data("{ search(sort: HASH, first: 100) { nodes { hash } } }").at("/search/nodes");
    List<String> hashes = new ArrayList<>();
    nodes.forEach(n -> hashes.add(n.get("hash").asText()));
    for (int i = 1; i < hashes.size() - 1; i++) {
      String prefix = hashes.get(i).substring(0, 7);
      if (!hashes.get(i - 1).startsWith(prefix) && !hashes.get(i + 1).startsWith(prefix)) {
        return prefix;
      }
    }
    throw new IllegalStateException("no hash among the first 100 has a prefix of its own");
  }

  /** As {@link MixPicker}: the package with the most versions among the 20 most common. */
  private MixParams.VersionRange range() throws IOException, InterruptedException {
    String pkg = null;
    List<String> versions = List.of();
    for (String candidate : values("{}", "PACKAGE", 20)) {
      List<String> v = values(ofPackage(candidate), "VERSION", 1000);
      if (pkg == null || v.size() > versions.size()) {
        pkg = candidate;
        versions = v;
      }
    }
    List<String> newestFirst = sorted(versions);
    String high = newestFirst.get(newestFirst.size() / 4);
    String low = newestFirst.get(newestFirst.size() * 3 / 4);
    List<String> names = values(ofPackage(pkg), "COMPILER_NAME", 1);
    if (names.isEmpty() || !Compilers.isCompiler(names.get(0))) {
      return new MixParams.VersionRange(pkg, low, high, null, null);
    }
    String compiler = names.get(0);
    List<String> compilerVersions =
        values(ofPackage(pkg), "COMPILER", 1000).stream()
            .filter(c -> c.startsWith(compiler + "@"))
            .map(c -> c.substring(compiler.length() + 1))
            .toList();
    String from =
        compilerVersions.isEmpty()
            ? null
            : sorted(compilerVersions).get(compilerVersions.size() / 2);
    return new MixParams.VersionRange(pkg, low, high, compiler, from);
  }

  private static String ofPackage(String pkg) {
    return "{package: [" + quote(pkg) + "]}";
  }

  private static List<String> sorted(List<String> versions) {
    List<String> newestFirst = new ArrayList<>(versions);
    newestFirst.sort(SpackVersion.NEWEST_FIRST);
    return newestFirst;
  }

  /** The values of one facet field, most common first, at most {@code limit}. */
  private List<String> values(String filter, String field, int limit)
      throws IOException, InterruptedException {
    String query =
        String.format(
            Locale.ROOT,
            "{ facets(filter: %s, fields: [%s], limit: %d) { values { value } } }",
            filter,
            field,
            limit);
    List<String> values = new ArrayList<>();
    client.data(query).at("/facets/0/values").forEach(v -> values.add(v.get("value").asText()));
    return values;
  }
}
