package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.search.Requests.FacetRequest;

/**
 * Value counts per facet dimension with multi-select semantics: the counts of a dimension honour
 * every filter but its own. Dimensions without a filter of their own share one pass over the
 * matches; each filtered one takes a pass of its own (as Solr's tag/exclude does). Counts over the
 * whole index are computed once per index generation.
 */
final class FacetCounter {
  private FacetCounter() {}

  private static final Comparator<ValueCount> ORDER =
      Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value);

  static List<FacetCounts> count(IndexView view, FacetRequest r) {
    check(view, r);
    Selection selection = r.selection();
    Query parsed = view.selector().parsed(selection);
    boolean matchAll = parsed instanceof MatchAllDocsQuery && !selection.isNarrowed();
    Map<SpecField, FacetsCollector> passes = new HashMap<>();
    List<FacetCounts> out = new ArrayList<>();
    for (SpecField field : r.fields()) {
      // A field's own filter is left out of its counts; others share the fully filtered pass.
      SpecField except = selection.filter().values().containsKey(field) ? field : null;
      int filtered = selection.filter().values().size();
      boolean unfiltered = matchAll && (filtered == 0 || (filtered == 1 && except != null));
      if (unfiltered) {
        out.add(top(field, allValues(view, field.indexField()), r));
        continue;
      }
      FacetsCollector pass =
          passes.computeIfAbsent(
              except, k -> view.collect(view.selector().query(selection, parsed, except)));
      boolean narrowed =
          r.prefix() != null && !r.prefix().isEmpty()
              || r.contains() != null && !r.contains().isEmpty();
      out.add(
          narrowed
              ? top(field, countOf(view, field.indexField(), pass), r)
              : topOf(view, field, pass, r.limit()));
    }
    return out;
  }

  /**
   * The {@code limit} most frequent values among a pass's documents, labelling only those: a
   * dimension of thousands of values (packages, variants) costs no string per value. Lucene breaks
   * ties by ordinal, which is the values' byte order, as {@link #ORDER} does for these values.
   */
  private static FacetCounts topOf(IndexView view, SpecField field, FacetsCollector fc, int limit) {
    String dim = field.indexField();
    Optional<SortedSetDocValuesReaderState> state = view.cache().state(dim);
    if (state.isEmpty()) {
      return new FacetCounts(field, List.of(), 0);
    }
    try {
      FacetResult result =
          new SortedSetDocValuesFacetCounts(state.get(), fc).getTopChildren(limit, dim);
      if (result == null) {
        return new FacetCounts(field, List.of(), 0);
      }
      List<ValueCount> shown = new ArrayList<>(result.labelValues.length);
      for (LabelAndValue lv : result.labelValues) {
        shown.add(new ValueCount(lv.label, lv.value.intValue()));
      }
      return new FacetCounts(field, shown, result.childCount - shown.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The limit in range, and each field a facet field named once. */
  private static void check(IndexView view, FacetRequest r) {
    int max = view.limits().maxFacetValues();
    if (r.limit() < 1) {
      throw new SearchException(
          SearchException.Kind.BAD_ARGUMENT, "limit is " + r.limit() + " but must be at least 1");
    }
    if (r.limit() > max) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "limit is " + r.limit() + " but a facet lists 1 to " + max + " values");
    }
    Set<SpecField> seen = EnumSet.noneOf(SpecField.class);
    for (SpecField field : r.fields()) {
      if (!field.isFacet()) {
        throw new SearchException(
            SearchException.Kind.BAD_ARGUMENT, field + " is not a facet field");
      }
      // Each field once: a repeated one would multiply the answer's size, not its content.
      if (!seen.add(field)) {
        throw new SearchException(
            SearchException.Kind.BAD_ARGUMENT, "fields lists " + field + " more than once");
      }
    }
  }

  /** Every value of {@code dim} among the matches of {@code query}, by count then value. */
  static List<ValueCount> values(IndexView view, String dim, Query query) {
    return countOf(view, dim, view.collect(query));
  }

  /** Every value of {@code dim} over the whole index: cached per index generation. */
  static List<ValueCount> allValues(IndexView view, String dim) {
    return view.memo("all-values:" + dim, () -> countOf(view, dim, null));
  }

  /** Every value of {@code dim} among the documents {@code fc} collected; null for every one. */
  static List<ValueCount> countOf(IndexView view, String dim, FacetsCollector fc) {
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

  /** The values that start with the prefix and contain the text asked for, up to the limit. */
  private static FacetCounts top(SpecField field, List<ValueCount> all, FacetRequest r) {
    String prefix = r.prefix() == null ? "" : r.prefix();
    String contains = r.contains() == null ? "" : r.contains();
    List<ValueCount> matching =
        prefix.isEmpty() && contains.isEmpty()
            ? all
            : all.stream()
                .filter(v -> v.value().startsWith(prefix) && v.value().contains(contains))
                .toList();
    List<ValueCount> shown = matching.subList(0, Math.min(r.limit(), matching.size()));
    return new FacetCounts(field, shown, matching.size() - shown.size());
  }
}
