package org.spack.cachesearch.bench;

import static org.spack.cachesearch.bench.HttpMixPicker.quote;

import java.util.List;

/**
 * The GraphQL documents of the load: {@link QueryBench}'s mix as one request each (the 50-page walk
 * left out, as it is 50 requests), plus {@code query.py}'s {@code packages} table.
 */
final class HttpMix {
  private static final String EIGHT =
      "[PACKAGE, TAG, COMPILER, OS, PLATFORM, TARGET, STACK, VARIANT]";
  private static final String HITS = "{ totalCount nodes { hash package tag specString } }";
  private static final String COUNTS = "{ field values { value count } otherCount }";
  private static final String EVERY_FIELD =
      "{ hash package tag versions compiler { raw name version } os platform target arch"
          + " variants { raw name value } stacks size installCommand specString }";

  /** One kind of request: how it is printed and the document sent. */
  record Query(String title, String document) {}

  private HttpMix() {}

  static List<Query> of(MixParams p) {
    return List.of(
        pageAndFacets(MixQuery.TAG_PAGE, "filter: {tag: [" + quote(p.tag()) + "]}"),
        pageAndFacets(MixQuery.WILDCARD_PAGE, "query: " + quote(MixParams.WILDCARD)),
        multiSelect(p),
        packages(p),
        packageSpecs(p),
        new Query(
            MixQuery.HASH_PREFIX.title,
            "{ spec(hash: " + quote(p.hashPrefix()) + ") { hash package tag specString } }"),
        facets(
            MixQuery.VARIANT_VALUES,
            "fields: [VARIANT], prefix: " + quote(MixParams.VARIANT_PREFIX) + ", limit: 1000"),
        new Query(
            MixQuery.VERSION_RANGE.title,
            "{ search(spec: " + quote(p.range().spec()) + ", first: 20) " + HITS + " }"),
        facets(
            MixQuery.COMPATIBLE,
            "spec: "
                + quote(MixParams.CPU_SPEC)
                + ", compatibleWith: "
                + quote(MixParams.CPU)
                + ", fields: [TARGET, PACKAGE]"));
  }

  /** The first 20 hits and the top 10 values of 8 facets, for one selection. */
  private static Query pageAndFacets(MixQuery q, String selection) {
    return new Query(
        q.title,
        "{ search("
            + selection
            + ", first: 20) "
            + HITS
            + " facets("
            + selection
            + ", fields: "
            + EIGHT
            + ") "
            + COUNTS
            + " }");
  }

  private static Query multiSelect(MixParams p) {
    String filter = HttpMixPicker.filter(p.filters());
    return facets(MixQuery.MULTI_SELECT, "filter: " + filter + ", fields: [OS, TARGET, STACK]");
  }

  private static Query packages(MixParams p) {
    return new Query(
        "packages table of the tag, 50 rows",
        "{ packages(filter: {tag: ["
            + quote(p.tag())
            + "]}, first: 50) { totalCount nodes { name numSpecs targets } } }");
  }

  private static Query packageSpecs(MixParams p) {
    return new Query(
        MixQuery.PACKAGE_SPECS.title,
        "{ package(name: "
            + quote(p.pagePackage())
            + ", tag: "
            + quote(p.tag())
            + ") { numSpecs specs(first: 100) { totalCount nodes "
            + EVERY_FIELD
            + " } } }");
  }

  private static Query facets(MixQuery q, String arguments) {
    return new Query(q.title, "{ facets(" + arguments + ") " + COUNTS + " }");
  }
}
