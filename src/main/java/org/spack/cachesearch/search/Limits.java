package org.spack.cachesearch.search;

import java.time.Duration;

/**
 * Every bound a request is held to, in one place.
 *
 * @param timeout search time per request
 * @param maxFirst most items on one page ({@code first})
 * @param maxFacetValues most values one facet lists ({@code limit})
 * @param maxFilterValues most values in one filter field's list
 * @param maxQueryLength longest query string, in characters
 * @param maxClauses most clauses a query may expand to (wildcards included)
 */
public record Limits(
    Duration timeout,
    int maxFirst,
    int maxFacetValues,
    int maxFilterValues,
    int maxQueryLength,
    int maxClauses) {
  public static final Limits DEFAULT =
      new Limits(Duration.ofSeconds(10), 100, 1000, 1000, 4096, 1024);

  /** These limits with another time limit. */
  public Limits withTimeout(Duration timeout) {
    return new Limits(
        timeout, maxFirst, maxFacetValues, maxFilterValues, maxQueryLength, maxClauses);
  }
}
