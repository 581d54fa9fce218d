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
    SortField f = string(field.sortField().orElseThrow(), reverse);
    // Lucene skips non-competitive hits through the sort field's postings, opening one postings
    // list per term between the cursor and the queue's bottom (up to 1024 terms) in every
    // segment. For hashes (one term per spec) that range is a few hundred terms and deep paging
    // flies; for packages, versions and compilers it is every value below the bottom, and on a
    // narrow query (one package's version range at 1M specs) opening them was 80% of the search.
    f.setOptimizeSortWithIndexedData(field == SpecField.HASH);
    return f;
  }

  private static SortField string(String field, boolean reverse) {
    SortField f = new SortField(field, SortField.Type.STRING, reverse);
    // Specs without the value (no version) go last either way.
    f.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
    return f;
  }
}
