package org.spack.cachesearch.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.search.FacetCounts;
import org.spack.cachesearch.search.IndexStats;
import org.spack.cachesearch.search.PackageSummary;
import org.spack.cachesearch.search.Requests.FacetRequest;
import org.spack.cachesearch.search.Requests.PackageOrder;
import org.spack.cachesearch.search.Requests.PackageRequest;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.ResultPage;
import org.spack.cachesearch.search.SearchException;
import org.spack.cachesearch.search.Selection;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;
import org.spack.cachesearch.search.TagSummary;
import org.spack.cachesearch.spack.Microarchitectures;

/**
 * The typed fetchers behind the schema's root and computed fields, one method each: arguments to
 * request records, and the entrance's answer as the schema reads it.
 */
final class QueryFetchers {

  PackageSummary packageByName(DataFetchingEnvironment env) {
    return ViewScope.of(env)
        .packageByName(env.getArgument("name"), defaulted(env, "tag"))
        .orElse(null);
  }

  ResultPage<PackageSummary> packages(DataFetchingEnvironment env) {
    String sort = env.getArgument("sort");
    return ViewScope.of(env)
        .packages(
            new PackageRequest(
                selection(env),
                defaulted(env, "first"),
                env.getArgument("after"),
                sort == null ? null : PackageOrder.valueOf(sort)));
  }

  SpecHit spec(DataFetchingEnvironment env) {
    return ViewScope.of(env).spec(env.getArgument("hash"), env.getArgument("tag")).orElse(null);
  }

  ResultPage<SpecHit> search(DataFetchingEnvironment env) {
    return specs(env, selection(env), sort(env, null));
  }

  /** {@code Package.specs}: a search within the package's (package, tag). */
  ResultPage<SpecHit> packageSpecs(DataFetchingEnvironment env) {
    PackageSummary p = env.getSource();
    return specs(env, selection(env).within(p.name(), p.tag()), sort(env, SortOrder.HASH));
  }

  private ResultPage<SpecHit> specs(
      DataFetchingEnvironment env, Selection selection, SortOrder sort) {
    boolean total = env.getSelectionSet().contains("totalCount");
    return ViewScope.of(env)
        .search(
            new SpecRequest(
                selection, defaulted(env, "first"), env.getArgument("after"), sort, total));
  }

  List<FacetCounts> facets(DataFetchingEnvironment env) {
    List<String> fields = env.getArgument("fields");
    return ViewScope.of(env)
        .facets(
            new FacetRequest(
                selection(env),
                fields.stream().map(SpecField::valueOf).toList(),
                defaulted(env, "limit"),
                env.getArgument("prefix"),
                env.getArgument("contains")));
  }

  String explain(DataFetchingEnvironment env) {
    return ViewScope.of(env).explain(selection(env));
  }

  List<TagSummary> tags(DataFetchingEnvironment env) {
    return ViewScope.of(env).tags();
  }

  /** The names {@code compatibleWith} accepts: archspec's table, not the index. */
  List<String> microarchitectures(DataFetchingEnvironment env) {
    return List.copyOf(Microarchitectures.load().names());
  }

  IndexStats stats(DataFetchingEnvironment env) {
    return ViewScope.of(env).stats();
  }

  /** {@code Spec.package}: a Java record cannot have a component of that name. */
  String specPackage(DataFetchingEnvironment env) {
    return env.<SpecHit>getSource().packageName();
  }

  /** {@code Spec.tags}: every tag whose cache holds the hash (batched per request). */
  List<String> specTags(DataFetchingEnvironment env) {
    return ViewScope.of(env).tagsOf(env.<SpecHit>getSource().hash());
  }

  /**
   * {@code Spec.dependencies}: the direct edges, with the dependent's tag passed down so that a
   * dependency's spec is taken from the same tag first.
   */
  DataFetcherResult<List<Dependency>> specDependencies(DataFetchingEnvironment env) {
    SpecHit hit = env.getSource();
    return DataFetcherResult.<List<Dependency>>newResult()
        .data(hit.dependencies())
        .localContext(hit.tag())
        .build();
  }

  /** {@code Dependency.spec}: looked up with every other hash of the request, in one search. */
  SpecHit dependencySpec(DataFetchingEnvironment env) {
    Dependency d = env.getSource();
    return ViewScope.of(env).specOf(d.hash(), env.getLocalContext()).orElse(null);
  }

  /** {@code Spec.dependents}: the specs whose direct dependencies include this hash. */
  ResultPage<SpecHit> specDependents(DataFetchingEnvironment env) {
    SpecHit hit = env.getSource();
    return specs(env, Selection.ALL.with("%/" + hit.hash(), null), sort(env, SortOrder.PACKAGE));
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

  private static SortOrder sort(DataFetchingEnvironment env, SortOrder fallback) {
    String sort = env.getArgument("sort");
    return sort == null ? fallback : SortOrder.valueOf(sort);
  }

  private static Selection selection(DataFetchingEnvironment env) {
    Map<String, List<String>> filter = env.getArgument("filter");
    return Selection.of(env.getArgument("query"), SpecFilter.fromApi(filter))
        .with(env.getArgument("spec"), env.getArgument("compatibleWith"));
  }
}
