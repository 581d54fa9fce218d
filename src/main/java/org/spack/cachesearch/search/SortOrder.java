package org.spack.cachesearch.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;

/**
 * Orders for specs. Every order ends with the unique {@code tag/hash} key, so that a cursor names
 * one place in the order whatever else is indexed meanwhile.
 */
public enum SortOrder {
  RELEVANCE(SortField.FIELD_SCORE),
  PACKAGE(by(SpecField.PACKAGE, false)),
  /** Spack's version order, newest first. */
  VERSION(by(SpecField.VERSION, true), by(SpecField.PACKAGE, false)),
  COMPILER(by(SpecField.COMPILER, false), by(SpecField.PACKAGE, false)),
  HASH(by(SpecField.HASH, false));

  private final Sort sort;

  SortOrder(SortField... fields) {
    SortField[] all = new SortField[fields.length + 1];
    System.arraycopy(fields, 0, all, 0, fields.length);
    all[fields.length] = string(IndexSchema.ID, false);
    this.sort = new Sort(all);
  }

  Sort sort() {
    return sort;
  }

  private static SortField by(SpecField field, boolean reverse) {
    return string(field.sortField().orElseThrow(), reverse);
  }

  private static SortField string(String field, boolean reverse) {
    SortField f = new SortField(field, SortField.Type.STRING, reverse);
    // Specs without the value (no version) go last either way.
    f.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
    return f;
  }
}
