package org.spack.cachesearch.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.LRUQueryCache;

/**
 * The query cache of the served index: Lucene's {@link LRUQueryCache} with its default size and
 * segments, but a filter the policy ({@link FilterCachingPolicy}) chose is cached even beside a
 * much cheaper clause. Lucene's default skips a clause that costs over ten times its conjunction's
 * lead, so {@code compiler:gcc*} beside {@code target:aarch64} was never cached: the search of a
 * wildcard page walked its disjunction on every request (16 ms of its 25 at 1M specs, against 4 ms
 * read from the cache). Solr's filter cache likewise keeps every filter whole.
 */
final class FilterCache {
  private FilterCache() {}

  /** Lucene's default: at most 1,000 queries and 32 MB, or a twentieth of the heap if less. */
  static LRUQueryCache create() {
    return create(Math.min(1 << 25, Runtime.getRuntime().maxMemory() / 20), 10_000);
  }

  /**
   * A cache of {@code maxBytes} for segments of at least {@code minDocs} documents and at least
   * half the average segment (Lucene's default rule for which segments are worth caching).
   */
  static LRUQueryCache create(long maxBytes, int minDocs) {
    return new LRUQueryCache(
        1000, maxBytes, leaf -> worthCaching(leaf, minDocs), Float.POSITIVE_INFINITY);
  }

  private static boolean worthCaching(LeafReaderContext leaf, int minDocs) {
    int maxDoc = leaf.reader().maxDoc();
    if (maxDoc < minDocs) {
      return false;
    }
    var top = ReaderUtil.getTopLevelContext(leaf);
    return maxDoc * 2 > top.reader().maxDoc() / top.leaves().size();
  }
}
