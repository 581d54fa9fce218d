package org.spack.cachesearch.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.spack.cachesearch.bench.MixParams.VersionRange;
import org.spack.cachesearch.spack.Compilers;
import org.spack.cachesearch.spack.SpackVersion;

/** The mix's {@code fq} strings in Solr's query syntax, Spack's knowledge from the project. */
final class SolrFilters {
  private SolrFilters() {}

  /** One value, tagged with its dimension so that that dimension's facet can exclude it. */
  static String tagged(String dim, String value) {
    return "{!term f=" + dim + " tag=" + dim + "}" + value;
  }

  static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  static String terms(String field, Collection<String> values) {
    return "{!terms f=" + field + "}" + String.join(",", values);
  }

  /**
   * {@code pkg@low:high %compiler@from:}: a version key from {@code low}'s to below the key of the
   * version after {@code high}, as the floor's term ranges.
   */
  static List<String> versionRange(VersionRange r) {
    List<String> fq = new ArrayList<>();
    fq.add(term(FloorSchema.PACKAGE, r.pkg()));
    fq.add(
        FloorSchema.VERSION_KEY
            + ":["
            + esc(SpackVersion.sortKey(r.low()))
            + " TO "
            + esc(SpackVersion.nextKey(r.high()))
            + "}");
    if (r.compilerName() != null) {
      fq.add(terms(FloorSchema.COMPILER_NAME, Compilers.spellings(r.compilerName())));
    }
    if (r.compilerFrom() != null) {
      String from = esc(SpackVersion.sortKey(r.compilerFrom()));
      fq.add(FloorSchema.COMPILER_VERSION_KEY + ":[" + from + " TO *]");
    }
    return fq;
  }

  private static String esc(String s) {
    return ClientUtils.escapeQueryChars(s);
  }
}
