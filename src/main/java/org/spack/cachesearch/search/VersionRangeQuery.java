package org.spack.cachesearch.search;

import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.spack.VersionConstraint;

/**
 * A Spack version constraint as an index query: one term range per range of the constraint over the
 * field's version keys ({@link SpecField#versionKeyField}), never a scan of every version. Shown in
 * Spack's own words ({@code versions:@1.2:1.4}) so that {@code explain} reads well.
 */
final class VersionRangeQuery extends Query {
  private final SpecField field;
  private final VersionConstraint constraint;

  VersionRangeQuery(SpecField field, VersionConstraint constraint) {
    this.field = field;
    this.constraint = constraint;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    String keys = field.versionKeyField().orElseThrow();
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (VersionConstraint.KeyRange r : constraint.ranges()) {
      any.add(
          new TermRangeQuery(
              keys, bytes(r.lower()), bytes(r.upper()), r.lowerInclusive(), r.upperInclusive()),
          BooleanClause.Occur.SHOULD);
    }
    return new ConstantScoreQuery(any.build());
  }

  private static BytesRef bytes(String key) {
    return key == null ? null : new BytesRef(key);
  }

  @Override
  public String toString(String defaultField) {
    String text = constraint.text();
    boolean lucene = text.startsWith("[") || text.startsWith("{");
    return field.indexField() + (lucene ? ":" : ":@") + text;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && field == ((VersionRangeQuery) other).field
        && constraint.ranges().equals(((VersionRangeQuery) other).constraint.ranges());
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), field, constraint.ranges());
  }
}
