package org.spack.cachesearch.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.search.Requests.PackageOrder;
import org.spack.cachesearch.search.Requests.PackageRequest;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * Package summaries computed from the index: one (package, tag) with its versions, compilers,
 * targets and stacks, and the rows of a per-tag table, a page at a time.
 */
final class Packages {
  private Packages() {}

  static Optional<PackageSummary> get(IndexView view, String name, String tag) {
    return summarize(view, Selection.ALL.within(name, tag), new MatchAllDocsQuery());
  }

  static ResultPage<PackageSummary> rows(IndexView view, PackageRequest r) {
    int first = SpecSearch.checkFirst(view, r.first());
    Query parsed = view.selector().parsed(r.selection());
    Query selected = view.selector().query(r.selection(), parsed, null);
    List<ValueCount> pages = new ArrayList<>(FacetCounter.values(view, IndexSchema.PAGE, selected));
    Comparator<ValueCount> byName =
        Comparator.comparing((ValueCount v) -> PageKey.parse(v.value()).name())
            .thenComparing(v -> PageKey.parse(v.value()).tag());
    pages.sort(
        r.order() == PackageOrder.SPECS
            ? Comparator.comparingInt(ValueCount::count).reversed().thenComparing(byName)
            : byName);
    int start = r.after() == null ? 0 : offset(r.after(), r.order());
    List<ResultPage.Edge<PackageSummary>> edges = new ArrayList<>();
    for (int i = start; i < Math.min(start + first, pages.size()); i++) {
      PageKey key = PageKey.parse(pages.get(i).value());
      summarize(view, r.selection().within(key.name(), key.tag()), parsed)
          .ifPresent(
              s ->
                  edges.add(new ResultPage.Edge<>(cursor(r.order(), edges.size() + start + 1), s)));
    }
    return new ResultPage<>(edges, start + first < pages.size(), start > 0, pages.size());
  }

  /** The summary of the scoped selection's specs; {@code parsed} is its query, parsed. */
  private static Optional<PackageSummary> summarize(
      IndexView view, Selection scoped, Query parsed) {
    String name = scoped.packageName();
    String tag = scoped.tag();
    List<SpecField> dims =
        List.of(
            SpecField.STACK,
            SpecField.VERSION,
            SpecField.COMPILER,
            SpecField.OS,
            SpecField.PLATFORM,
            SpecField.TARGET);
    ValueCounting.Counted counted =
        ValueCounting.valuesOf(
            view,
            view.selector().query(scoped, parsed, null),
            dims.stream().map(SpecField::indexField).toList());
    int numSpecs = counted.hits();
    if (numSpecs == 0) {
      return Optional.empty();
    }
    Function<SpecField, List<ValueCount>> counts = f -> counted.values().get(dims.indexOf(f));
    List<ValueCount> stacks = counts.apply(SpecField.STACK);
    List<String> otherTags =
        FacetCounter.values(
                view,
                SpecField.TAG.indexField(),
                Selector.and(new MatchAllDocsQuery(), SpecField.PACKAGE, name))
            .stream()
            .map(ValueCount::value)
            .filter(t -> !t.equals(tag))
            .sorted()
            .toList();
    return Optional.of(
        new PackageSummary(
            name,
            tag,
            numSpecs,
            names(counts.apply(SpecField.VERSION)).stream()
                .sorted(SpackVersion.NEWEST_FIRST)
                .toList(),
            sorted(counts.apply(SpecField.COMPILER)),
            sorted(counts.apply(SpecField.OS)),
            sorted(counts.apply(SpecField.PLATFORM)),
            sorted(counts.apply(SpecField.TARGET)),
            sorted(stacks),
            stacks.stream()
                .sorted(Comparator.comparing(ValueCount::value))
                .map(v -> new PackageSummary.StackCount(v.value(), v.count()))
                .toList(),
            otherTags));
  }

  private static List<String> names(List<ValueCount> values) {
    return values.stream().map(ValueCount::value).collect(Collectors.toList());
  }

  private static List<String> sorted(List<ValueCount> values) {
    return values.stream().map(ValueCount::value).sorted().toList();
  }

  private static String cursor(PackageOrder order, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("packages:" + order + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** Rows are computed whole per request, so a cursor is the offset after its row. */
  private static int offset(String cursor, PackageOrder order) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split(":", -1);
      if (parts.length == 3 && parts[0].equals("packages") && parts[1].equals(order.name())) {
        int offset = Integer.parseInt(parts[2]);
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new SearchException(
        SearchException.Kind.BAD_CURSOR,
        "invalid cursor: it is not a packages cursor this server made; pass the endCursor of the"
            + " previous page unchanged");
  }
}
