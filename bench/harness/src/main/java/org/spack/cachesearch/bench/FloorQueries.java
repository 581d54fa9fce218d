package org.spack.cachesearch.bench;

import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.bench.MixParams.VersionRange;
import org.spack.cachesearch.spack.Compilers;
import org.spack.cachesearch.spack.Microarchitectures;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * The mix's queries on the floor index, built by hand as a Lucene user would write them. Spack's
 * knowledge (version keys, compiler spellings, archspec's table) comes from the project, as it
 * would have to for any engine.
 */
final class FloorQueries {
  private FloorQueries() {}

  /** Match-all, drilled down to the filters (dimension, value), so that each can go sideways. */
  static DrillDownQuery drillDown(FacetsConfig config, List<Map.Entry<String, String>> filters) {
    DrillDownQuery q = new DrillDownQuery(config, new MatchAllDocsQuery());
    filters.forEach(f -> q.add(f.getKey(), term(f.getKey(), f.getValue())));
    return q;
  }

  /** {@code compiler:gcc* AND target:aarch64}, scored as the classic query parser scores it. */
  static Query wildcard() {
    return all(BooleanClause.Occur.MUST, walk(), term(FloorSchema.TARGET, "aarch64"));
  }

  /** {@code compiler:gcc*}. */
  static Query walk() {
    return new PrefixQuery(new Term(FloorSchema.COMPILER, MixParams.WALK_PREFIX));
  }

  static Query page(String pkg, String tag) {
    return all(
        BooleanClause.Occur.FILTER, term(FloorSchema.PACKAGE, pkg), term(FloorSchema.TAG, tag));
  }

  static Query hashPrefix(String prefix) {
    return new PrefixQuery(new Term(FloorSchema.HASH, prefix));
  }

  /**
   * {@code pkg@low:high %compiler@from:}: a version key from {@code low}'s to below the key of the
   * version after {@code high} (so {@code high}'s extensions are in), as Spack's closed range.
   */
  static Query versionRange(VersionRange r) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(term(FloorSchema.PACKAGE, r.pkg()), BooleanClause.Occur.FILTER);
    q.add(
        new TermRangeQuery(
            FloorSchema.VERSION_KEY,
            new BytesRef(SpackVersion.sortKey(r.low())),
            new BytesRef(SpackVersion.nextKey(r.high())),
            true,
            false),
        BooleanClause.Occur.FILTER);
    if (r.compilerName() != null) {
      BooleanQuery.Builder names = new BooleanQuery.Builder();
      Compilers.spellings(r.compilerName())
          .forEach(n -> names.add(term(FloorSchema.COMPILER_NAME, n), BooleanClause.Occur.SHOULD));
      q.add(names.build(), BooleanClause.Occur.FILTER);
    }
    if (r.compilerFrom() != null) {
      BytesRef from = new BytesRef(SpackVersion.sortKey(r.compilerFrom()));
      q.add(
          new TermRangeQuery(FloorSchema.COMPILER_VERSION_KEY, from, null, true, false),
          BooleanClause.Occur.FILTER);
    }
    return q.build();
  }

  /** The variant on binaries whose target is the CPU or one it runs the code of. */
  static Query compatible() {
    List<BytesRef> targets =
        Microarchitectures.load().compatibleTargets(MixParams.CPU).stream()
            .map(BytesRef::new)
            .toList();
    return all(
        BooleanClause.Occur.FILTER,
        term(FloorSchema.VARIANTS, MixParams.CPU_VARIANT),
        new TermInSetQuery(FloorSchema.TARGET, targets));
  }

  private static Query all(BooleanClause.Occur occur, Query... clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query c : clauses) {
      b.add(c, occur);
    }
    return b.build();
  }

  static TermQuery term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
