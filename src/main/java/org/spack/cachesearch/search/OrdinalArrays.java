package org.spack.cachesearch.search;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * A segment's facet ordinals of a dimension read into plain arrays, for the counting passes: a
 * match costs one array read instead of Lucene's packed doc values (whose address and bit-unpacking
 * reads were 60% of a multi-select request, JFR at 1M specs). Solr's {@code UnInvertedField} is the
 * same idea. Only dimensions of few values per segment qualify (at most 65,534 for a single-valued
 * one, a byte or a char a document; at most 254 for a multi-valued one, an int offset a document
 * and a byte a value), and all of them together stay within a byte budget: what does not fit is
 * counted from the doc values, as before. Kept per segment core, so a refresh rebuilds only new
 * segments; dropped when the segment closes.
 */
final class OrdinalArrays {
  private static final int MAX_SINGLE = Character.MAX_VALUE - 1;
  private static final int MAX_MULTI = 254;

  private final long budget;
  private final AtomicLong used = new AtomicLong();
  private final Map<Key, Optional<Ordinals>> built = new ConcurrentHashMap<>();

  private record Key(IndexReader.CacheKey core, String field) {}

  /** Arrays of at most {@code budget} bytes in all. */
  OrdinalArrays(long budget) {
    this.budget = budget;
  }

  /** Bytes the arrays take now. */
  long bytesUsed() {
    return used.get();
  }

  /**
   * The segment's ordinals of {@code field} as arrays; empty when the field does not qualify, the
   * budget is spent, or the segment cannot be cached (it has no core cache key).
   */
  Optional<Ordinals> of(LeafReader segment, String field) throws IOException {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      return Optional.empty();
    }
    Key key = new Key(helper.getKey(), field);
    Optional<Ordinals> known = built.get(key);
    if (known != null) {
      return known;
    }
    Optional<Ordinals> made = build(segment, field);
    if (built.putIfAbsent(key, made) != null) {
      release(made);
      return built.get(key);
    }
    // Added after the entry, so a segment closed meanwhile still gives its bytes back.
    helper.addClosedListener(core -> release(built.remove(key)));
    return made;
  }

  private void release(Optional<Ordinals> ordinals) {
    if (ordinals != null && ordinals.isPresent()) {
      used.addAndGet(-ordinals.get().bytes());
    }
  }

  private Optional<Ordinals> build(LeafReader segment, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(segment, field);
    SortedDocValues single = DocValues.unwrapSingleton(values);
    long count = values.getValueCount();
    int maxDoc = segment.maxDoc();
    if (single != null ? count > MAX_SINGLE : count > MAX_MULTI) {
      return Optional.empty();
    }
    long bytes =
        single != null
            ? (count <= MAX_MULTI ? 1L : 2L) * maxDoc
            : 4L * (maxDoc + 1) + refs(segment, field);
    if (used.addAndGet(bytes) > budget) {
      used.addAndGet(-bytes);
      return Optional.empty();
    }
    return Optional.of(
        single != null ? singles(single, maxDoc, count, bytes) : multiples(values, maxDoc, bytes));
  }

  /** How many values the documents of the segment hold in all. */
  private static long refs(LeafReader segment, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(segment, field);
    long refs = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      refs += values.docValueCount();
    }
    return refs;
  }

  private static Ordinals singles(SortedDocValues values, int maxDoc, long count, long bytes)
      throws IOException {
    // Ordinal + 1 per document, 0 for none.
    if (count <= MAX_MULTI) {
      byte[] ords = new byte[maxDoc];
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        ords[doc] = (byte) (values.ordValue() + 1);
      }
      return new Ordinals(null, ords, null, (int) count, bytes);
    }
    char[] ords = new char[maxDoc];
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      ords[doc] = (char) (values.ordValue() + 1);
    }
    return new Ordinals(null, null, ords, (int) count, bytes);
  }

  private static Ordinals multiples(SortedSetDocValues values, int maxDoc, long bytes)
      throws IOException {
    int[] starts = new int[maxDoc + 1];
    byte[] ords = new byte[(int) (bytes - 4L * (maxDoc + 1))];
    int at = 0;
    int next = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      while (next <= doc) {
        starts[next++] = at;
      }
      for (int i = values.docValueCount(); i > 0; i--) {
        ords[at++] = (byte) (values.nextOrd() + 1);
      }
    }
    while (next <= maxDoc) {
      starts[next++] = at;
    }
    return new Ordinals(starts, ords, null, (int) values.getValueCount(), bytes);
  }

  /**
   * One segment's ordinals of one dimension, each stored as ordinal + 1: for a single-valued
   * dimension one per document ({@code bytes} or {@code chars}, 0 where the document has none); for
   * a multi-valued one the values of document {@code d} at {@code starts[d]} to {@code starts[d +
   * 1]} of {@code bytes}.
   */
  static final class Ordinals {
    private final int[] starts;
    private final byte[] bytes;
    private final char[] chars;
    private final int valueCount;
    private final long size;

    private Ordinals(int[] starts, byte[] bytes, char[] chars, int valueCount, long size) {
      this.starts = starts;
      this.bytes = bytes;
      this.chars = chars;
      this.valueCount = valueCount;
      this.size = size;
    }

    /** The segment's number of distinct values. */
    int valueCount() {
      return valueCount;
    }

    /** Adds one to {@code shifted[ord + 1]} for each ordinal of {@code doc} ({@code [0]}: none). */
    void count(int doc, int[] shifted) {
      if (starts != null) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
          shifted[bytes[i] & 0xFF]++;
        }
      } else if (bytes != null) {
        shifted[bytes[doc] & 0xFF]++;
      } else {
        shifted[chars[doc]]++;
      }
    }

    /** The arrays' bytes, as the budget counted them (elements only). */
    long bytes() {
      return size;
    }
  }
}
