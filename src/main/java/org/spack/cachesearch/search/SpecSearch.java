package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.spack.cachesearch.index.IndexSchema;

/** Specs by query and filter, a page at a time; and one spec by its hash or a prefix of it. */
public final class SpecSearch {
  /** Shortest hash prefix accepted, as {@code spack install /abc1234} takes. */
  public static final int MIN_PREFIX = 7;

  private static final Pattern HASH_PREFIX = Pattern.compile("[a-z2-7]{1,32}");

  private SpecSearch() {}

  /**
   * @param sort null for the default: relevance with a query, package without
   * @param countTotal whether to count every match (costs a pass over them)
   */
  public record Request(
      String query,
      SpecFilter filter,
      int first,
      String after,
      SortOrder sort,
      boolean countTotal) {
    public Request {
      filter = filter == null ? SpecFilter.NONE : filter;
    }
  }

  /** One page: its hits with cursors, whether more follow, and the total when asked for. */
  public record Result(List<Edge> edges, boolean hasNext, boolean hasPrevious, Integer totalCount) {
    public Result {
      edges = List.copyOf(edges);
    }
  }

  /** A hit and the cursor that continues after it. */
  public record Edge(String cursor, SpecHit node) {}

  public static Result search(IndexView view, SpecQueryParser parser, Request r) {
    int first = checkFirst(view, r.first());
    SortOrder order = order(r);
    Query query = r.filter().apply(parser.parse(r.query()), null);
    FieldDoc after =
        r.after() == null ? null : Cursor.decode(order, r.after(), view.reader().maxDoc());
    TopFieldDocs top;
    try {
      top = view.searcher().searchAfter(after, query, first + 1, order.sort(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw IndexView.tooManyClauses();
    }
    view.checkTimeout();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < Math.min(first, top.scoreDocs.length); i++) {
      ScoreDoc hit = top.scoreDocs[i];
      edges.add(new Edge(Cursor.encode(order, (FieldDoc) hit), view.load(hit.doc)));
    }
    Integer total = r.countTotal() ? view.count(query) : null;
    return new Result(edges, top.scoreDocs.length > first, after != null, total);
  }

  static int checkFirst(IndexView view, int first) {
    int max = view.limits().maxFirst();
    if (first < 1 || first > max) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "first is " + first + " but a page holds 1 to " + max + " items; page with `after`");
    }
    return first;
  }

  private static SortOrder order(Request r) {
    boolean hasQuery = r.query() != null && !r.query().isBlank();
    if (r.sort() == null || (r.sort() == SortOrder.RELEVANCE && !hasQuery)) {
      return hasQuery ? SortOrder.RELEVANCE : SortOrder.PACKAGE;
    }
    return r.sort();
  }

  /**
   * The spec with this hash, or the one hash that starts with this prefix. In several tags: {@code
   * tag} chooses, else {@code develop}, else the last tag by name.
   */
  public static Optional<SpecHit> byHash(IndexView view, String hash, String tag) {
    if (!HASH_PREFIX.matcher(hash).matches() || hash.length() < MIN_PREFIX) {
      throw new SearchException(
          SearchException.Kind.BAD_ARGUMENT,
          "a hash is 7 to 32 characters of a-z and 2-7, not '" + hash + "'");
    }
    Query query =
        hash.length() == 32
            ? new TermQuery(new Term(IndexSchema.HASH, hash))
            : new PrefixQuery(new Term(IndexSchema.HASH, hash));
    if (tag != null) {
      query = SpecFilter.NONE.and(IndexSchema.TAG, tag).apply(query, null);
    }
    List<SpecHit> hits = all(view, query);
    Map<String, List<SpecHit>> byHash =
        hits.stream()
            .collect(Collectors.groupingBy(SpecHit::hash, LinkedHashMap::new, Collectors.toList()));
    if (byHash.size() > 1) {
      throw ambiguous(hash, byHash);
    }
    return hits.stream()
        .max(
            Comparator.comparing((SpecHit h) -> h.tag().equals("develop"))
                .thenComparing(SpecHit::tag));
  }

  /** Every tag holding this exact hash, by name. */
  public static List<String> tagsOf(IndexView view, String hash) {
    return all(view, new TermQuery(new Term(IndexSchema.HASH, hash))).stream()
        .map(SpecHit::tag)
        .sorted()
        .distinct()
        .toList();
  }

  /** Hash lookups match few documents (one per tag); more than this is a prefix to refine. */
  private static final int MAX_HASH_HITS = 1000;

  private static List<SpecHit> all(IndexView view, Query query) {
    try {
      TopFieldDocs top = view.searcher().search(query, MAX_HASH_HITS, SortOrder.HASH.sort(), false);
      view.checkTimeout();
      List<SpecHit> hits = new ArrayList<>();
      for (ScoreDoc d : top.scoreDocs) {
        hits.add(view.load(d.doc));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SearchException ambiguous(String prefix, Map<String, List<SpecHit>> byHash) {
    String candidates =
        byHash.values().stream()
            .limit(10)
            .map(l -> l.get(0).hash() + " (" + l.get(0).packageName() + ")")
            .collect(Collectors.joining(", "));
    String more = byHash.size() > 10 ? ", ..." : "";
    return new SearchException(
        SearchException.Kind.AMBIGUOUS_HASH,
        "hash prefix '"
            + prefix
            + "' matches "
            + byHash.size()
            + " specs: "
            + candidates
            + more
            + "; give more characters");
  }
}
