package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.spack.cachesearch.index.IndexSchema;

/**
 * What depends only on one index generation, computed once per searcher refresh: the facet ordinal
 * maps of each dimension and memoised answers such as the tag list.
 */
final class ReaderCache {
  private final IndexReader reader;
  private final FacetsConfig config;
  private final Map<String, Optional<SortedSetDocValuesReaderState>> states =
      new ConcurrentHashMap<>();
  private final Map<String, Object> memo = new ConcurrentHashMap<>();

  ReaderCache(IndexReader reader, FacetsConfig config) {
    this.reader = reader;
    this.config = config;
  }

  /** The dimension's facet state; empty when no document has a value for it. */
  Optional<SortedSetDocValuesReaderState> state(String dim) {
    return states.computeIfAbsent(dim, this::build);
  }

  private Optional<SortedSetDocValuesReaderState> build(String dim) {
    String field = IndexSchema.facetField(dim);
    FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(field);
    if (info == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, field, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The answer memoised under {@code key}, computed when absent and kept only when {@code complete}
   * says so afterwards (a search that ran out of time is not the generation's answer). Two requests
   * may compute the same answer at once; the first kept is the one every later request gets.
   */
  @SuppressWarnings("unchecked") // each key is used with one type only
  <T> T memo(String key, Supplier<T> compute, BooleanSupplier complete) {
    Object known = memo.get(key);
    if (known != null) {
      return (T) known;
    }
    T value = compute.get();
    if (!complete.getAsBoolean()) {
      return value;
    }
    Object kept = memo.putIfAbsent(key, value);
    return kept == null ? value : (T) kept;
  }
}
