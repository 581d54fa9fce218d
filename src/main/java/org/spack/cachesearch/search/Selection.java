package org.spack.cachesearch.search;

/**
 * What selects specs, the same for search, facets, packages and a package's specs: a Lucene query,
 * exact filter values, and optionally one (package, tag) to stay within.
 *
 * @param query Lucene syntax; null or blank for every spec
 * @param filter exact values per field
 * @param packageName with {@code tag}, the one (package, tag) to stay within; null for none
 * @param tag see {@code packageName}
 */
public record Selection(String query, SpecFilter filter, String packageName, String tag) {
  public static final Selection ALL = new Selection(null, SpecFilter.NONE, null, null);

  public Selection {
    filter = filter == null ? SpecFilter.NONE : filter;
    if ((packageName == null) != (tag == null)) {
      throw new IllegalArgumentException("a scope is a package and a tag, or neither");
    }
  }

  public static Selection of(String query, SpecFilter filter) {
    return new Selection(query, filter, null, null);
  }

  /**
   * This selection within one package's specs in one tag: unlike the filter, the scope is never
   * left out of a facet's counts, and a filter on another package then matches nothing.
   */
  public Selection within(String packageName, String tag) {
    return new Selection(query, filter, packageName, tag);
  }

  boolean hasQuery() {
    return query != null && !query.isBlank();
  }

  boolean isScoped() {
    return packageName != null;
  }
}
