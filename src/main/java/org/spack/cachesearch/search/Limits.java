package org.spack.cachesearch.search;

import java.time.Duration;
import org.apache.lucene.util.automaton.Operations;

/**
 * Every bound a request is held to in the index, in one place.
 *
 * @param timeout search time per request (default 10 s); a search that runs past it returns what it
 *     has found, flagged partial ({@link IndexView#partial()})
 * @param maxFirst most items on one page ({@code first}; default 100)
 * @param maxFacetValues most values one facet lists ({@code limit}; default 1000)
 * @param maxFilterValues most values in one filter field's list (default 1000)
 * @param maxQueryLength longest query string and {@code spec}, in characters (default 4096)
 * @param maxClauses most clauses a query may expand to (default 1024)
 * @param determinizeWorkLimit most automaton work for one wildcard, regexp or fuzzy term, in
 *     Lucene's units (default 10,000, Lucene's {@code DEFAULT_DETERMINIZE_WORK_LIMIT})
 * @param maxPatternTerms most wildcard, regexp and fuzzy terms in one query (default 8; a prefix
 *     such as {@code gcc*} is not counted)
 * @param maxPatternLength longest wildcard or regexp term, in characters (default 256: the work of
 *     building an automaton grows with its length even under the work limit)
 * @param maxFuzzyLength longest fuzzy term ({@code word~}), in characters (default 20: its
 *     automaton costs far more per character, most for non-ASCII text)
 * @param minLeadingWildcardLiterals fewest other characters in a wildcard term that begins with
 *     {@code *} or {@code ?} (default 2: {@code *64} passes, {@code *4} does not); {@code *} alone
 *     means every spec
 */
public record Limits(
    Duration timeout,
    int maxFirst,
    int maxFacetValues,
    int maxFilterValues,
    int maxQueryLength,
    int maxClauses,
    int determinizeWorkLimit,
    int maxPatternTerms,
    int maxPatternLength,
    int maxFuzzyLength,
    int minLeadingWildcardLiterals) {
  public static final Limits DEFAULT =
      new Limits(
          Duration.ofSeconds(10),
          100,
          1000,
          1000,
          4096,
          1024,
          Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
          8,
          256,
          20,
          2);

  public Limits {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout is negative: " + timeout);
    }
    positive("maxFirst", maxFirst);
    positive("maxFacetValues", maxFacetValues);
    positive("maxFilterValues", maxFilterValues);
    positive("maxQueryLength", maxQueryLength);
    positive("maxClauses", maxClauses);
    positive("determinizeWorkLimit", determinizeWorkLimit);
    positive("maxPatternTerms", maxPatternTerms);
    positive("maxPatternLength", maxPatternLength);
    positive("maxFuzzyLength", maxFuzzyLength);
    if (minLeadingWildcardLiterals < 0) {
      throw new IllegalArgumentException(
          "minLeadingWildcardLiterals is negative: " + minLeadingWildcardLiterals);
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** These limits with another time limit. */
  public Limits withTimeout(Duration timeout) {
    return new Limits(
        timeout,
        maxFirst,
        maxFacetValues,
        maxFilterValues,
        maxQueryLength,
        maxClauses,
        determinizeWorkLimit,
        maxPatternTerms,
        maxPatternLength,
        maxFuzzyLength,
        minLeadingWildcardLiterals);
  }
}
