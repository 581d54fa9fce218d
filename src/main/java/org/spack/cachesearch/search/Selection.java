package org.spack.cachesearch.search;

/**
 * What selects specs, the same for search, facets, packages and a package's specs: a Lucene query,
 * exact filter values, a Spack spec, the CPU the binaries must run on, and optionally one (package,
 * tag) to stay within. All of them must hold.
 *
 * @param query Lucene syntax; null or blank for every spec
 * @param filter exact values per field
 * @param spec Spack spec syntax ({@code zlib@1.3: +shared %gcc@13}); null or blank for none
 * @param compatibleWith a microarchitecture ({@code zen3}): binaries whose target runs on it
 * @param packageName with {@code tag}, the one (package, tag) to stay within; null for none
 * @param tag see {@code packageName}
 */
public record Selection(
    String query,
    SpecFilter filter,
    String spec,
    String compatibleWith,
    String packageName,
    String tag) {
  public static final Selection ALL = new Selection(null, SpecFilter.NONE, null, null, null, null);

  public Selection {
    filter = filter == null ? SpecFilter.NONE : filter;
    if ((packageName == null) != (tag == null)) {
      throw new IllegalArgumentException("a scope is a package and a tag, or neither");
    }
  }

  public static Selection of(String query, SpecFilter filter) {
    return new Selection(query, filter, null, null, null, null);
  }

  /** This selection with a Spack spec and a CPU; either may be null. */
  public Selection with(String spec, String compatibleWith) {
    return new Selection(query, filter, spec, compatibleWith, packageName, tag);
  }

  /**
   * This selection within one package's specs in one tag: unlike the filter, the scope is never
   * left out of a facet's counts, and a filter on another package then matches nothing.
   */
  public Selection within(String packageName, String tag) {
    return new Selection(query, filter, spec, compatibleWith, packageName, tag);
  }

  boolean hasQuery() {
    return query != null && !query.isBlank();
  }

  boolean isScoped() {
    return packageName != null;
  }

  boolean hasSpec() {
    return spec != null && !spec.isBlank();
  }

  boolean hasCpu() {
    return compatibleWith != null && !compatibleWith.isBlank();
  }

  /** Whether anything but the query and the filter narrows the specs. */
  boolean isNarrowed() {
    return isScoped() || hasSpec() || hasCpu();
  }
}
