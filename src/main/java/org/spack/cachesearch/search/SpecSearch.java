package org.spack.cachesearch.search;

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
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.Requests.SpecRequest;

/** Specs by selection, a page at a time; and one spec by its hash or a prefix of it. */
final class SpecSearch {
  /** Shortest hash prefix accepted, as {@code spack install /abc1234} takes. */
  static final int MIN_PREFIX = 7;

  private static final Pattern HASH_PREFIX = Pattern.compile("[a-z2-7]{1,32}");

  /** Hash lookups match few documents (one per tag); more than this is a prefix to refine. */
  private static final int MAX_HASH_HITS = 1000;

  /** IndexSearcher's own: hits are counted exactly up to here, then skipping may start. */
  private static final int DEFAULT_THRESHOLD = 1000;

  private SpecSearch() {}

  static ResultPage<SpecHit> search(IndexView view, SpecRequest r) {
    int first = checkFirst(view, r.first());
    SortOrder order = order(r);
    Query selected = view.selector().query(r.selection());
    // Ordered by score, a pattern clause reads its matches from the query cache (CachedPatterns).
    Query query = order == SortOrder.RELEVANCE ? CachedPatterns.wrap(selected) : selected;
    FieldDoc after =
        r.after() == null ? null : Cursor.decode(order, r.after(), view.reader().maxDoc());
    // A total Lucene cannot read off the index (Weight#count) is counted by the same pass that
    // finds the page, not by a second search.
    Integer quick = r.countTotal() ? view.quickCount(query) : null;
    boolean countInPass = r.countTotal() && quick == null;
    TopFieldCollectorManager collect =
        new TopFieldCollectorManager(
            order.sort(), first + 1, after, countInPass ? Integer.MAX_VALUE : DEFAULT_THRESHOLD);
    TopFieldDocs top = view.run(() -> view.searcher().search(query, collect));
    List<ResultPage.Edge<SpecHit>> edges = new ArrayList<>();
    for (int i = 0; i < Math.min(first, top.scoreDocs.length); i++) {
      ScoreDoc hit = top.scoreDocs[i];
      edges.add(new ResultPage.Edge<>(Cursor.encode(order, (FieldDoc) hit), view.load(hit.doc)));
    }
    Integer total = countInPass ? Integer.valueOf((int) top.totalHits.value) : quick;
    return new ResultPage<>(edges, top.scoreDocs.length > first, after != null, total);
  }

  static int checkFirst(IndexView view, int first) {
    int max = view.limits().maxFirst();
    if (first < 1) {
      throw new SearchException(
          SearchException.Kind.BAD_ARGUMENT, "first is " + first + " but must be at least 1");
    }
    if (first > max) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "first is " + first + " but a page holds 1 to " + max + " items; page with `after`");
    }
    return first;
  }

  private static SortOrder order(SpecRequest r) {
    boolean hasQuery = r.selection().hasQuery();
    if (r.sort() == null || (r.sort() == SortOrder.RELEVANCE && !hasQuery)) {
      return hasQuery ? SortOrder.RELEVANCE : SortOrder.PACKAGE;
    }
    return r.sort();
  }

  static Optional<SpecHit> byHash(IndexView view, String hash, String tag) {
    if (!HASH_PREFIX.matcher(hash).matches() || hash.length() < MIN_PREFIX) {
      throw new SearchException(
          SearchException.Kind.BAD_ARGUMENT,
          "a hash is 7 to 32 characters of a-z and 2-7, not '" + hash + "'");
    }
    Term term = new Term(SpecField.HASH.indexField(), hash);
    Query query = hash.length() == 32 ? new TermQuery(term) : new PrefixQuery(term);
    if (tag != null) {
      query = Selector.and(query, SpecField.TAG, tag);
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

  private static List<SpecHit> all(IndexView view, Query query) {
    TopFieldDocs top =
        view.run(() -> view.searcher().search(query, MAX_HASH_HITS, SortOrder.HASH.sort(), false));
    List<SpecHit> hits = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) {
      hits.add(view.load(d.doc));
    }
    return hits;
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
