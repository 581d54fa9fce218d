package org.spack.cachesearch.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * Lucene's usage-tracking policy, but filters on one term or a set of terms (a tag, an os, a target
 * family) are cached once they recur: Lucene's own policy never caches a term, which suits text
 * search but not a faceted browser that intersects the same few filters on every click, as Solr's
 * filter cache does.
 */
final class FilterCachingPolicy implements QueryCachingPolicy {
  /** How many recent term filters are remembered, as Lucene's policy remembers 256 queries. */
  private static final int HISTORY = 256;

  /** Uses within the history before a term filter's matches are kept. */
  private static final int MIN_USES = 2;

  private final UsageTrackingQueryCachingPolicy others = new UsageTrackingQueryCachingPolicy();
  private final ArrayDeque<Query> recent = new ArrayDeque<>(HISTORY);
  private final Map<Query, Integer> uses = new HashMap<>();

  @Override
  public void onUse(Query query) {
    if (!isTermFilter(query)) {
      others.onUse(query);
      return;
    }
    synchronized (this) {
      if (recent.size() == HISTORY) {
        uses.computeIfPresent(recent.removeFirst(), (q, n) -> n == 1 ? null : n - 1);
      }
      recent.addLast(query);
      uses.merge(query, 1, Integer::sum);
    }
  }

  @Override
  public boolean shouldCache(Query query) throws IOException {
    if (!isTermFilter(query)) {
      return others.shouldCache(query);
    }
    synchronized (this) {
      return uses.getOrDefault(query, 0) >= MIN_USES;
    }
  }

  private static boolean isTermFilter(Query query) {
    return query instanceof TermQuery || query instanceof TermInSetQuery;
  }
}
