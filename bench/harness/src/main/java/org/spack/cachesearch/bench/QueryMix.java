package org.spack.cachesearch.bench;

/**
 * The query mix of issue #15, one method per query, as one contender answers it (ours through
 * {@code IndexView}, the floor with plain Lucene; Solr can be another). Each call is one request:
 * what it needs per request (a view, a searcher) it takes inside the call, so the time of a call is
 * the request's.
 */
interface QueryMix {
  String name();

  /** Match-all in the tag: top 20 by package, total, top-10 of 8 facets (tag multi-select). */
  Answer tagPage();

  /** {@code compiler:gcc* AND target:aarch64}: top 20 by relevance, total, the same facets. */
  Answer wildcardPage();

  /** Three filters; each filtered field's top 10, counted without its own filter. */
  Answer multiSelect();

  /** One package's specs in the tag, every stored field read: up to 100, and the total. */
  Answer packageSpecs();

  /** The one spec whose hash starts with the prefix: develop's, else the last tag's. */
  Answer hashPrefix();

  /** {@code compiler:gcc*} by hash, 50 pages of 20, each page after the last. */
  Answer hashWalk();

  /** Every {@code build_system=} value of the variants facet over the whole index. */
  Answer variantValues();

  /** A spec with a version range ({@code pkg@low:high %compiler}): top 20 and the total. */
  Answer versionRange();

  /** {@code +shared} on binaries that run on {@code zen3}: top 10 targets and packages. */
  Answer compatible();
}
