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
import org.spack.cachesearch.search.FacetCounter.ValueCount;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * Package summaries computed from the index: one (package, tag) with its versions, compilers,
 * targets and stacks, and the rows of a per-tag table, a page at a time.
 */
public final class Packages {
  private Packages() {}

  /** Specs per stack. */
  public record StackCount(String stack, int count) {}

  /** One package in one tag, summarised from the specs that matched. */
  public record Summary(
      String name,
      String tag,
      int numSpecs,
      List<String> versions,
      List<String> compilers,
      List<String> oss,
      List<String> platforms,
      List<String> targets,
      List<String> stacks,
      List<StackCount> numSpecsByStack,
      List<String> otherTags) {}

  /** Row order for {@link #rows}. */
  public enum Order {
    NAME,
    SPECS
  }

  /** One page of rows. */
  public record Page(List<Edge> edges, boolean hasNext, boolean hasPrevious, int totalCount) {}

  /** A row and the cursor after it. */
  public record Edge(String cursor, Summary node) {}

  /** The package in the tag, or empty when the tag has no spec of it. */
  public static Optional<Summary> get(IndexView view, String name, String tag) {
    return summarize(view, SpecFilter.NONE, name, tag, new MatchAllDocsQuery());
  }

  /** One row per (package, tag) with specs matching {@code query} and {@code filter}. */
  public static Page rows(
      IndexView view,
      SpecQueryParser parser,
      String query,
      SpecFilter filter,
      int first,
      String after,
      Order order) {
    SpecSearch.checkFirst(view, first);
    Query base = parser.parse(query);
    SpecFilter f = filter == null ? SpecFilter.NONE : filter;
    List<ValueCount> pages =
        new ArrayList<>(FacetCounter.values(view, IndexSchema.PAGE, f.apply(base, null)));
    Comparator<ValueCount> byName =
        Comparator.comparing((ValueCount v) -> name(v.value())).thenComparing(v -> tag(v.value()));
    pages.sort(
        order == Order.SPECS
            ? Comparator.comparingInt(ValueCount::count).reversed().thenComparing(byName)
            : byName);
    int start = after == null ? 0 : offset(after, order);
    List<Edge> edges = new ArrayList<>();
    for (int i = start; i < Math.min(start + first, pages.size()); i++) {
      String key = pages.get(i).value();
      summarize(view, f, name(key), tag(key), base)
          .ifPresent(s -> edges.add(new Edge(cursor(order, edges.size() + start + 1), s)));
    }
    return new Page(edges, start + first < pages.size(), start > 0, pages.size());
  }

  private static Optional<Summary> summarize(
      IndexView view, SpecFilter filter, String name, String tag, Query base) {
    Query query = filter.and(IndexSchema.PACKAGE, name).and(IndexSchema.TAG, tag).apply(base, null);
    var fc = view.collect(query);
    int numSpecs = IndexView.total(fc);
    if (numSpecs == 0) {
      return Optional.empty();
    }
    Function<String, List<ValueCount>> counts = dim -> FacetCounter.countOf(view, dim, fc);
    List<ValueCount> stacks = counts.apply(IndexSchema.STACKS);
    List<String> otherTags =
        FacetCounter.values(
                view,
                IndexSchema.TAG,
                SpecFilter.NONE.and(IndexSchema.PACKAGE, name).apply(new MatchAllDocsQuery(), null))
            .stream()
            .map(ValueCount::value)
            .filter(t -> !t.equals(tag))
            .sorted()
            .toList();
    return Optional.of(
        new Summary(
            name,
            tag,
            numSpecs,
            names(counts.apply(IndexSchema.VERSIONS)).stream()
                .sorted(SpackVersion.NEWEST_FIRST)
                .toList(),
            sorted(counts.apply(IndexSchema.COMPILER)),
            sorted(counts.apply(IndexSchema.OS)),
            sorted(counts.apply(IndexSchema.PLATFORM)),
            sorted(counts.apply(IndexSchema.TARGET)),
            sorted(stacks),
            stacks.stream()
                .sorted(Comparator.comparing(ValueCount::value))
                .map(v -> new StackCount(v.value(), v.count()))
                .toList(),
            otherTags));
  }

  private static List<String> names(List<ValueCount> values) {
    return values.stream().map(ValueCount::value).collect(Collectors.toList());
  }

  private static List<String> sorted(List<ValueCount> values) {
    return values.stream().map(ValueCount::value).sorted().toList();
  }

  private static String name(String pageKey) {
    return pageKey.substring(pageKey.indexOf('/') + 1);
  }

  private static String tag(String pageKey) {
    return pageKey.substring(0, pageKey.indexOf('/'));
  }

  private static String cursor(Order order, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("packages:" + order + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** Rows are computed whole per request, so a cursor is the offset after its row. */
  private static int offset(String cursor, Order order) {
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
