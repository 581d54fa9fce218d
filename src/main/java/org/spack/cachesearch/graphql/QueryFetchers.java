package org.spack.cachesearch.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.spack.cachesearch.graphql.Connections.Connection;
import org.spack.cachesearch.graphql.Connections.Edge;
import org.spack.cachesearch.graphql.Connections.PageInfo;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.search.FacetCounter;
import org.spack.cachesearch.search.IndexSummary;
import org.spack.cachesearch.search.Packages;
import org.spack.cachesearch.search.SearchException;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;
import org.spack.cachesearch.search.SpecHit;
import org.spack.cachesearch.search.SpecQueryParser;
import org.spack.cachesearch.search.SpecSearch;

/** The typed fetchers behind the schema's root and computed fields, one method each. */
final class QueryFetchers {
  /** The schema's FacetField values to index dimensions. */
  static final Map<String, String> FACET_DIMS =
      Map.ofEntries(
          Map.entry("PACKAGE", IndexSchema.PACKAGE),
          Map.entry("TAG", IndexSchema.TAG),
          Map.entry("COMPILER", IndexSchema.COMPILER),
          Map.entry("COMPILER_NAME", IndexSchema.COMPILER_NAME),
          Map.entry("VERSION", IndexSchema.VERSIONS),
          Map.entry("OS", IndexSchema.OS),
          Map.entry("PLATFORM", IndexSchema.PLATFORM),
          Map.entry("TARGET", IndexSchema.TARGET),
          Map.entry("ARCH", IndexSchema.ARCH),
          Map.entry("STACK", IndexSchema.STACKS),
          Map.entry("VARIANT", IndexSchema.VARIANTS));

  /** One facet as the schema's Facet type reads it. */
  record Facet(String field, List<FacetCounter.ValueCount> values, int otherCount) {}

  private final SpecQueryParser parser = new SpecQueryParser(new IndexSchema());

  Packages.Summary packageByName(DataFetchingEnvironment env) {
    return Packages.get(ViewScope.of(env), env.getArgument("name"), defaulted(env, "tag"))
        .orElse(null);
  }

  Connection<Packages.Summary> packages(DataFetchingEnvironment env) {
    String sort = env.getArgument("sort");
    Packages.Page page =
        Packages.rows(
            ViewScope.of(env),
            parser,
            env.getArgument("query"),
            filter(env),
            defaulted(env, "first"),
            env.getArgument("after"),
            Packages.Order.valueOf(sort == null ? "NAME" : sort));
    List<Edge<Packages.Summary>> edges =
        page.edges().stream().map(e -> new Edge<>(e.cursor(), e.node())).toList();
    return new Connection<>(
        edges, PageInfo.of(edges, page.hasNext(), page.hasPrevious()), page.totalCount());
  }

  SpecHit spec(DataFetchingEnvironment env) {
    return SpecSearch.byHash(ViewScope.of(env), env.getArgument("hash"), env.getArgument("tag"))
        .orElse(null);
  }

  Connection<SpecHit> search(DataFetchingEnvironment env) {
    return specs(env, filter(env), defaultSort(env, null));
  }

  /** {@code Package.specs}: a search within the package's (tag, package). */
  Connection<SpecHit> packageSpecs(DataFetchingEnvironment env) {
    Packages.Summary p = env.getSource();
    SpecFilter f = filter(env).and(IndexSchema.PACKAGE, p.name()).and(IndexSchema.TAG, p.tag());
    return specs(env, f, defaultSort(env, SortOrder.HASH));
  }

  private Connection<SpecHit> specs(DataFetchingEnvironment env, SpecFilter f, SortOrder sort) {
    boolean total = env.getSelectionSet().contains("totalCount");
    SpecSearch.Result r =
        SpecSearch.search(
            ViewScope.of(env),
            parser,
            new SpecSearch.Request(
                env.getArgument("query"),
                f,
                defaulted(env, "first"),
                env.getArgument("after"),
                sort,
                total));
    List<Edge<SpecHit>> edges =
        r.edges().stream().map(e -> new Edge<>(e.cursor(), e.node())).toList();
    return new Connection<>(
        edges, PageInfo.of(edges, r.hasNext(), r.hasPrevious()), r.totalCount());
  }

  List<Facet> facets(DataFetchingEnvironment env) {
    List<String> fields = env.getArgument("fields");
    List<String> dims = fields.stream().map(FACET_DIMS::get).toList();
    List<FacetCounter.Counts> counts =
        FacetCounter.count(
            ViewScope.of(env),
            parser,
            new FacetCounter.Request(
                env.getArgument("query"),
                filter(env),
                dims,
                defaulted(env, "limit"),
                env.getArgument("prefix")));
    return java.util.stream.IntStream.range(0, fields.size())
        .mapToObj(i -> new Facet(fields.get(i), counts.get(i).values(), counts.get(i).otherCount()))
        .toList();
  }

  List<IndexSummary.Tag> tags(DataFetchingEnvironment env) {
    return IndexSummary.tags(ViewScope.of(env));
  }

  IndexSummary.Stats stats(DataFetchingEnvironment env) {
    return IndexSummary.stats(ViewScope.of(env));
  }

  /** {@code Spec.package}: a Java record cannot have a component of that name. */
  String specPackage(DataFetchingEnvironment env) {
    return env.<SpecHit>getSource().packageName();
  }

  /** {@code Spec.tags}: every tag whose cache holds the hash. */
  List<String> specTags(DataFetchingEnvironment env) {
    return SpecSearch.tagsOf(ViewScope.of(env), env.<SpecHit>getSource().hash());
  }

  /**
   * An argument the schema gives a default, which a query can still set to null explicitly: a
   * mistake to report, not a null to pass on.
   */
  private static <T> T defaulted(DataFetchingEnvironment env, String name) {
    T value = env.getArgument(name);
    if (value == null) {
      throw new SearchException(
          SearchException.Kind.BAD_ARGUMENT,
          name + " must not be null; leave it out for its default");
    }
    return value;
  }

  private static SortOrder defaultSort(DataFetchingEnvironment env, SortOrder fallback) {
    String sort = env.getArgument("sort");
    return sort == null ? fallback : SortOrder.valueOf(sort);
  }

  private static SpecFilter filter(DataFetchingEnvironment env) {
    Map<String, List<String>> input = env.getArgument("filter");
    try {
      return SpecFilter.fromApi(input);
    } catch (ClassCastException e) {
      throw new SearchException(SearchException.Kind.BAD_ARGUMENT, "filter values must be lists");
    }
  }
}
