package org.spack.cachesearch.bench;

import java.util.function.Function;

/** The queries of the mix, in the order they are checked and timed, with how each is printed. */
enum MixQuery {
  TAG_PAGE("match-all in tag, top 20 + top-10 of 8 facets", QueryMix::tagPage),
  WILDCARD_PAGE("compiler:gcc* AND target:aarch64 + facets", QueryMix::wildcardPage),
  MULTI_SELECT("3 filters, multi-select counts of their 3", QueryMix::multiSelect),
  PACKAGE_SPECS("one package's specs, every field", QueryMix::packageSpecs),
  HASH_PREFIX("hash prefix", QueryMix::hashPrefix),
  HASH_WALK("compiler:gcc* by hash, 50 pages of 20", QueryMix::hashWalk),
  VARIANT_VALUES("every build_system= value of variants", QueryMix::variantValues),
  VERSION_RANGE("spec with a version range, 20 + total", QueryMix::versionRange),
  COMPATIBLE("+shared compatibleWith zen3, 2 facets", QueryMix::compatible);

  final String title;
  private final Function<QueryMix, Answer> ask;

  MixQuery(String title, Function<QueryMix, Answer> ask) {
    this.title = title;
    this.ask = ask;
  }

  Answer ask(QueryMix mix) {
    return ask.apply(mix);
  }
}
