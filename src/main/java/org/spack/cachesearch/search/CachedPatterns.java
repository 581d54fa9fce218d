package org.spack.cachesearch.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Wildcard, prefix, regexp and range clauses as {@link ConstantScoreQuery}s for a search that needs
 * scores. The parser's constant-score rewrite already gives each of their matches the same score
 * (the clause's boost), and so does a {@code ConstantScoreQuery}; but Lucene's query cache only
 * serves clauses that need no scores, so without the wrapper a relevance-ordered page walked the
 * pattern's disjunction of terms again although the facet pass of the same selection had cached its
 * matches ({@code compiler:gcc*}: 42% of the wildcard page at 1M specs, JFR). Scoring patterns
 * (fuzzy terms) are left as they are.
 */
final class CachedPatterns {
  private CachedPatterns() {}

  /** {@code query} with its constant-score pattern clauses wrapped; itself when it has none. */
  static Query wrap(Query query) {
    if (query instanceof MultiTermQuery pattern && isConstantScore(pattern)) {
      return new ConstantScoreQuery(pattern);
    }
    if (query instanceof BoostQuery boosted) {
      Query inner = wrap(boosted.getQuery());
      return inner.equals(boosted.getQuery()) ? query : new BoostQuery(inner, boosted.getBoost());
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder b =
          new BooleanQuery.Builder()
              .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause clause : bool.clauses()) {
        Query inner = wrap(clause.getQuery());
        changed |= !inner.equals(clause.getQuery());
        b.add(inner, clause.getOccur());
      }
      return changed ? b.build() : query;
    }
    return query;
  }

  private static boolean isConstantScore(MultiTermQuery pattern) {
    MultiTermQuery.RewriteMethod method = pattern.getRewriteMethod();
    return method == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
        || method == MultiTermQuery.CONSTANT_SCORE_REWRITE
        || method == MultiTermQuery.CONSTANT_SCORE_BOOLEAN_REWRITE;
  }
}
