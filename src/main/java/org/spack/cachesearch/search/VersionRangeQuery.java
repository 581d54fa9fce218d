package org.spack.cachesearch.search;

import java.util.Objects;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.spack.VersionConstraint;

/**
 * A Spack version constraint as an index query: one term range per range of the constraint over a
 * field of version keys, never a scan of every version. The keys may follow a prefix (a
 * dependency's name and a zero byte, {@link IndexSchema#keyed}). Shown in Spack's own words ({@code
 * versions:@1.2:1.4}, {@code dependencies:openssl@3:}) so that {@code explain} reads well.
 */
final class VersionRangeQuery extends Query {
  private final String shown;
  private final String keyField;
  private final String prefix;
  private final VersionConstraint constraint;

  /** A constraint on a vocabulary field with version keys ({@link SpecField#versionKeyField}). */
  VersionRangeQuery(SpecField field, VersionConstraint constraint) {
    this(field.indexField() + ":", field.versionKeyField().orElseThrow(), "", constraint);
  }

  /**
   * @param shown what {@code toString} prints before the constraint
   * @param prefix what every key of the field starts with; empty for none
   */
  VersionRangeQuery(String shown, String keyField, String prefix, VersionConstraint constraint) {
    this.shown = shown;
    this.keyField = keyField;
    this.prefix = prefix;
    this.constraint = constraint;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (VersionConstraint.KeyRange r : constraint.ranges()) {
      boolean lowerInclusive = r.lower() == null || r.lowerInclusive();
      Query terms =
          new KeyRangeQuery(keyField, lower(r), upper(r), lowerInclusive, r.upperInclusive());
      any.add(
          prefix.isEmpty() ? orDocValues(terms, r, lowerInclusive) : terms,
          BooleanClause.Occur.SHOULD);
    }
    return new ConstantScoreQuery(any.build());
  }

  /**
   * A vocabulary field's keys are also doc values ({@link IndexSchema}): beside a narrower clause
   * ({@code zlib@1.2: %gcc@11:}) Lucene then checks the few candidates' keys instead of collecting
   * every document of a wide range (every spec built with gcc 11 or later) up front.
   */
  private Query orDocValues(Query terms, VersionConstraint.KeyRange r, boolean lowerInclusive) {
    Query docValues =
        SortedSetDocValuesField.newSlowRangeQuery(
            keyField, lower(r), upper(r), lowerInclusive, r.upperInclusive());
    return new IndexOrDocValuesQuery(terms, docValues);
  }

  /** An open lower end starts at the prefix itself, below every key that follows it. */
  private BytesRef lower(VersionConstraint.KeyRange r) {
    if (r.lower() == null) {
      return prefix.isEmpty() ? null : new BytesRef(prefix);
    }
    return new BytesRef(prefix + r.lower());
  }

  /** An open upper end stops past every key that follows the prefix. */
  private BytesRef upper(VersionConstraint.KeyRange r) {
    if (r.upper() == null) {
      return prefix.isEmpty() ? null : new BytesRef(prefix + '\uffff');
    }
    return new BytesRef(prefix + r.upper());
  }

  @Override
  public String toString(String defaultField) {
    String text = constraint.text();
    boolean lucene = text.startsWith("[") || text.startsWith("{");
    return shown + (lucene ? "" : "@") + text;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && keyField.equals(((VersionRangeQuery) other).keyField)
        && prefix.equals(((VersionRangeQuery) other).prefix)
        && constraint.ranges().equals(((VersionRangeQuery) other).constraint.ranges());
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), keyField, prefix, constraint.ranges());
  }
}
