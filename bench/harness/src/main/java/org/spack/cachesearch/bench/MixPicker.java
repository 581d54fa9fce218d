package org.spack.cachesearch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.spack.Compilers;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * Picks the mix's values from the data (through the floor index), the same for every run over the
 * same pages: the most common value wherever a value is needed, ties by name.
 */
final class MixPicker {
  private static final List<String> FILTER_DIMS =
      List.of(FloorSchema.OS, FloorSchema.TARGET, FloorSchema.STACKS);

  private final FloorSearcher floor;

  private MixPicker(FloorSearcher floor) {
    this.floor = floor;
  }

  static MixParams pick(FloorSearcher floor) throws IOException {
    return new MixPicker(floor).pick();
  }

  /** The filters in the order of their dimensions: os, target, stacks. */
  static List<Map.Entry<String, String>> filterOrder(Map<String, String> filters) {
    return FILTER_DIMS.stream()
        .filter(filters::containsKey)
        .map(d -> Map.entry(d, filters.get(d)))
        .toList();
  }

  private MixParams pick() throws IOException {
    Facets everything = floor.countsOfAll();
    List<String> tags = values(everything, FloorSchema.TAG);
    String tag = tags.contains("develop") ? "develop" : tags.get(0);
    String pagePackage = top(FloorQueries.term(FloorSchema.TAG, tag), FloorSchema.PACKAGE);
    return new MixParams(
        tag,
        filters(),
        pagePackage,
        uniqueHashPrefix(),
        range(values(everything, FloorSchema.PACKAGE)));
  }

  /** The most common os, the most common target among its specs, then stack among those. */
  private Map<String, String> filters() throws IOException {
    Map<String, String> filters = new LinkedHashMap<>();
    BooleanQuery.Builder within = new BooleanQuery.Builder();
    within.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    for (String dim : FILTER_DIMS) {
      String value = top(within.build(), dim);
      if (value != null) {
        filters.put(dim, value);
        within.add(FloorQueries.term(dim, value), BooleanClause.Occur.FILTER);
      }
    }
    return filters;
  }

  /**
   * Among the 20 most common packages the one with the most versions, from the version a quarter of
   * the way up its versions to the one a quarter from the top, built with its most common compiler
   * at the middle one of that compiler's versions or later.
   */
  private MixParams.VersionRange range(List<String> packages) throws IOException {
    String pkg = packages.get(0);
    List<String> versions = List.of();
    for (String candidate : packages.subList(0, Math.min(20, packages.size()))) {
      List<String> v =
          values(
              floor.counts(FloorQueries.term(FloorSchema.PACKAGE, candidate)),
              FloorSchema.VERSIONS);
      if (v.size() > versions.size()) {
        pkg = candidate;
        versions = v;
      }
    }
    Query ofPackage = FloorQueries.term(FloorSchema.PACKAGE, pkg);
    List<String> newestFirst = sorted(versions);
    String high = newestFirst.get(newestFirst.size() / 4);
    String low = newestFirst.get(newestFirst.size() * 3 / 4);
    String compiler = top(ofPackage, FloorSchema.COMPILER_NAME);
    if (compiler == null || !Compilers.isCompiler(compiler)) {
      return new MixParams.VersionRange(pkg, low, high, null, null);
    }
    List<String> compilerVersions =
        values(floor.counts(ofPackage), FloorSchema.COMPILER).stream()
            .filter(c -> c.startsWith(compiler + "@"))
            .map(c -> c.substring(compiler.length() + 1))
            .toList();
    String from =
        compilerVersions.isEmpty()
            ? null
            : sorted(compilerVersions).get(compilerVersions.size() / 2);
    return new MixParams.VersionRange(pkg, low, high, compiler, from);
  }

  private static List<String> sorted(List<String> versions) {
    List<String> newestFirst = new ArrayList<>(versions);
    newestFirst.sort(SpackVersion.NEWEST_FIRST);
    return newestFirst;
  }

  /** The first hash from the middle of the hash terms whose 7 characters start no other hash. */
  private String uniqueHashPrefix() throws IOException {
    List<String> hashes = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(floor.searcher().getIndexReader(), FloorSchema.HASH);
    TermsEnum it = terms.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      hashes.add(t.utf8ToString());
    }
    for (int i = hashes.size() / 2; i < hashes.size(); i++) {
      String prefix = hashes.get(i).substring(0, 7);
      boolean alone =
          (i == 0 || !hashes.get(i - 1).startsWith(prefix))
              && (i == hashes.size() - 1 || !hashes.get(i + 1).startsWith(prefix));
      if (alone) {
        return prefix;
      }
    }
    throw new IllegalStateException("no hash has a prefix of its own");
  }

  /** The most common value of {@code dim} among the matches, ties by value; null for none. */
  private String top(Query query, String dim) throws IOException {
    List<String> values = values(floor.counts(query), dim);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value of {@code dim}, most common first, ties by value. */
  private static List<String> values(Facets facets, String dim) throws IOException {
    FacetResult r = facets.getAllChildren(dim);
    if (r == null) {
      return List.of();
    }
    List<Answer.Count> counts = new ArrayList<>();
    for (var lv : r.labelValues) {
      counts.add(new Answer.Count(lv.label, lv.value.intValue()));
    }
    counts.sort(FloorSearcher.ORDER);
    return counts.stream().map(Answer.Count::value).toList();
  }
}
