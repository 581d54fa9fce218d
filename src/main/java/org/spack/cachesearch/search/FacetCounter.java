package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.search.Requests.FacetRequest;

/**
 * Value counts per facet dimension with multi-select semantics: the counts of a dimension honour
 * every filter but its own. Dimensions without a filter of their own share one pass over the
 * matches, counted as they are found ({@link ValueCounting}); each filtered one takes a pass of its
 * own (as Solr's tag/exclude does). Counts over the whole index are computed once per index
 * generation.
 */
final class FacetCounter {
  private FacetCounter() {}

  static List<FacetCounts> count(IndexView view, FacetRequest r) {
    check(view, r);
    Selection selection = r.selection();
    Query parsed = view.selector().parsed(selection);
    boolean matchAll = parsed instanceof MatchAllDocsQuery && !selection.isNarrowed();
    int filtered = selection.filter().values().size();
    // Per pass (keyed by the filter it leaves out, or null), the fields it counts.
    Map<SpecField, List<SpecField>> passes = new LinkedHashMap<>();
    Map<SpecField, FacetCounts> out = new EnumMap<>(SpecField.class);
    for (SpecField field : r.fields()) {
      // A field's own filter is left out of its counts; others share the fully filtered pass.
      SpecField except = selection.filter().values().containsKey(field) ? field : null;
      boolean unfiltered = matchAll && (filtered == 0 || (filtered == 1 && except != null));
      if (unfiltered) {
        out.put(field, top(field, allValues(view, field.indexField()), r));
      } else {
        passes.computeIfAbsent(except, k -> new ArrayList<>()).add(field);
      }
    }
    passes.forEach(
        (except, fields) -> {
          Query query = view.selector().query(selection, parsed, except);
          out.putAll(countPass(view, query, fields, r));
        });
    List<FacetCounts> ordered = new ArrayList<>(r.fields().size());
    r.fields().forEach(f -> ordered.add(out.get(f)));
    return ordered;
  }

  /** One pass over the matches of {@code query}, counting every field of {@code fields}. */
  private static Map<SpecField, FacetCounts> countPass(
      IndexView view, Query query, List<SpecField> fields, FacetRequest r) {
    ValueCounting.Tally tally =
        ValueCounting.count(view, query, fields.stream().map(SpecField::indexField).toList());
    boolean narrowed =
        r.prefix() != null && !r.prefix().isEmpty()
            || r.contains() != null && !r.contains().isEmpty();
    Map<SpecField, FacetCounts> out = new EnumMap<>(SpecField.class);
    for (int d = 0; d < fields.size(); d++) {
      SpecField field = fields.get(d);
      out.put(
          field,
          tally.states()[d] == null
              ? new FacetCounts(field, List.of(), 0)
              : narrowed
                  ? top(field, tally.values(d), r)
                  : topOf(field, tally.states()[d], tally.counts()[d], r.limit()));
    }
    return out;
  }

  /**
   * The {@code limit} most frequent values, labelling only those: a dimension of thousands of
   * values (packages, variants) costs no string per value. Ties go to the lower ordinal, which is
   * the values' byte order, as {@link ValueCount#BY_COUNT} does for these values.
   */
  private static FacetCounts topOf(
      SpecField field, SortedSetDocValuesReaderState state, int[] counts, int limit) {
    PriorityQueue<int[]> top =
        new PriorityQueue<>(
            limit + 1,
            (a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[0], a[0]));
    int nonZero = 0;
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        nonZero++;
        top.add(new int[] {ord, counts[ord]});
        if (top.size() > limit) {
          top.poll();
        }
      }
    }
    ValueCount[] shown = new ValueCount[top.size()];
    try {
      SortedSetDocValues labels = state.getDocValues();
      for (int i = shown.length - 1; i >= 0; i--) {
        int[] best = top.poll();
        shown[i] = new ValueCount(ValueCounting.label(labels, best[0]), best[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FacetCounts(field, List.of(shown), nonZero - shown.length);
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
    return ValueCounting.valuesOf(view, query, List.of(dim)).values().get(0);
  }

  /** Every value of {@code dim} over the whole index: cached per index generation. */
  static List<ValueCount> allValues(IndexView view, String dim) {
    return view.memo("all-values:" + dim, () -> countAll(view, dim));
  }

  /** Every value of {@code dim} over every live document (Lucene's own whole-index count). */
  private static List<ValueCount> countAll(IndexView view, String dim) {
    Optional<SortedSetDocValuesReaderState> state = view.cache().state(dim);
    if (state.isEmpty()) {
      return List.of();
    }
    try {
      FacetResult result = new SortedSetDocValuesFacetCounts(state.get()).getAllChildren(dim);
      List<ValueCount> values = new ArrayList<>();
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.add(new ValueCount(lv.label, lv.value.intValue()));
        }
      }
      values.sort(ValueCount.BY_COUNT);
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
