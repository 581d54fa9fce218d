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
  private static final String HITS = "totalCount nodes { hash package tag specString }";
  private static final String COUNTS = "field values { value count } otherCount";
  private static final String EVERY_FIELD =
      "hash package tag versions compiler { raw name version } os platform target arch"
          + " variants { raw name value } stacks size installCommand specString";

  /** One kind of request: how it is printed and the document sent. */
  record Query(String title, String document) {}

  private HttpMix() {}

  static List<Query> of(MixParams p) {
    String tag = "{tag: [" + quote(p.tag()) + "]}";
    String wildcard = quote(MixParams.WILDCARD);
    return List.of(
        new Query(
            MixQuery.TAG_PAGE.title,
            "{ search(filter: "
                + tag
                + ", first: 20) { "
                + HITS
                + " } "
                + facets("filter: " + tag + ", fields: " + EIGHT)
                + " }"),
        new Query(
            MixQuery.WILDCARD_PAGE.title,
            "{ search(query: "
                + wildcard
                + ", first: 20) { "
                + HITS
                + " } "
                + facets("query: " + wildcard + ", fields: " + EIGHT)
                + " }"),
        new Query(
            MixQuery.MULTI_SELECT.title,
            "{ "
                + facets(
                    "filter: "
                        + HttpMixPicker.filter(p.filters())
                        + ", fields: [OS, TARGET, STACK]")
                + " }"),
        new Query(
            "packages table of the tag, 50 rows",
            "{ packages(filter: "
                + tag
                + ", first: 50) { totalCount nodes { name numSpecs"
                + " targets } } }"),
        new Query(
            MixQuery.PACKAGE_SPECS.title,
            "{ package(name: "
                + quote(p.pagePackage())
                + ", tag: "
                + quote(p.tag())
                + ") {"
                + " numSpecs specs(first: 100) { totalCount nodes { "
                + EVERY_FIELD
                + " } } } }"),
        new Query(
            MixQuery.HASH_PREFIX.title,
            "{ spec(hash: " + quote(p.hashPrefix()) + ") { hash package tag specString } }"),
        new Query(
            MixQuery.VARIANT_VALUES.title,
            "{ "
                + facets(
                    "fields: [VARIANT], prefix: "
                        + quote(MixParams.VARIANT_PREFIX)
                        + ", limit: 1000")
                + " }"),
        new Query(
            MixQuery.VERSION_RANGE.title,
            "{ search(spec: " + quote(p.range().spec()) + ", first: 20) { " + HITS + " } }"),
        new Query(
            MixQuery.COMPATIBLE.title,
            "{ "
                + facets(
                    "spec: "
                        + quote(MixParams.CPU_SPEC)
                        + ", compatibleWith: "
                        + quote(MixParams.CPU)
                        + ", fields: [TARGET, PACKAGE]")
                + " }"));
  }

  private static String facets(String arguments) {
    return "facets(" + arguments + ") { " + COUNTS + " }";
  }
}
