package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Value counts per facet dimension with multi-select semantics: the counts of a dimension honour
 * every filter but its own. Dimensions without a filter of their own share one pass over the
 * matches; each filtered one takes a pass of its own (as Solr's tag/exclude does). Counts over the
 * whole index are computed once per index generation.
 */
public final class FacetCounter {
  /** Most values one facet may list. */
  public static final int MAX_LIMIT = 1000;

  private FacetCounter() {}

  /** A value and the number of specs with it. */
  public record ValueCount(String value, int count) {}

  /** One dimension's top values and how many other values were left out. */
  public record Counts(String dim, List<ValueCount> values, int otherCount) {}

  /**
   * @param prefix only values starting with it; null for all
   */
  public record Request(
      String query, SpecFilter filter, List<String> dims, int limit, String prefix) {
    public Request {
      filter = filter == null ? SpecFilter.NONE : filter;
      dims = List.copyOf(dims);
    }
  }

  private static final Comparator<ValueCount> ORDER =
      Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value);

  public static List<Counts> count(IndexView view, SpecQueryParser parser, Request r) {
    if (r.limit() < 1 || r.limit() > MAX_LIMIT) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "limit is " + r.limit() + " but a facet lists 1 to " + MAX_LIMIT + " values");
    }
    Query base = parser.parse(r.query());
    boolean matchAll = base instanceof MatchAllDocsQuery;
    Map<String, FacetsCollector> passes = new HashMap<>();
    List<Counts> out = new ArrayList<>();
    for (String dim : r.dims()) {
      // A dimension's own filter is left out of its counts; others share the fully filtered pass.
      String except = r.filter().values().containsKey(dim) ? dim : null;
      boolean unfiltered =
          matchAll
              && r.filter().scope().isEmpty()
              && (r.filter().values().isEmpty()
                  || (r.filter().values().size() == 1 && except != null));
      List<ValueCount> all =
          unfiltered
              ? allValues(view, dim)
              : countOf(
                  view,
                  dim,
                  passes.computeIfAbsent(
                      String.valueOf(except), k -> view.collect(r.filter().apply(base, except))));
      out.add(top(dim, all, r.limit(), r.prefix()));
    }
    return out;
  }

  /** Every value of {@code dim} among the matches of {@code query}, by count then value. */
  static List<ValueCount> values(IndexView view, String dim, Query query) {
    return countOf(view, dim, view.collect(query));
  }

  /** Every value of {@code dim} over the whole index: cached per index generation. */
  static List<ValueCount> allValues(IndexView view, String dim) {
    return view.cache().memo("all-values:" + dim, () -> count(view, dim, null));
  }

  /** Every value of {@code dim} among the documents {@code fc} collected. */
  static List<ValueCount> countOf(IndexView view, String dim, FacetsCollector fc) {
    return count(view, dim, fc);
  }

  private static List<ValueCount> count(IndexView view, String dim, FacetsCollector fc) {
    Optional<SortedSetDocValuesReaderState> state = view.cache().state(dim);
    if (state.isEmpty()) {
      return List.of();
    }
    try {
      SortedSetDocValuesFacetCounts counts =
          fc == null
              ? new SortedSetDocValuesFacetCounts(state.get())
              : new SortedSetDocValuesFacetCounts(state.get(), fc);
      FacetResult result = counts.getAllChildren(dim);
      List<ValueCount> values = new ArrayList<>();
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.add(new ValueCount(lv.label, lv.value.intValue()));
        }
      }
      values.sort(ORDER);
      return List.copyOf(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Counts top(String dim, List<ValueCount> all, int limit, String prefix) {
    List<ValueCount> matching =
        prefix == null || prefix.isEmpty()
            ? all
            : all.stream().filter(v -> v.value().startsWith(prefix)).toList();
    List<ValueCount> shown = matching.subList(0, Math.min(limit, matching.size()));
    return new Counts(dim, shown, matching.size() - shown.size());
  }
}
