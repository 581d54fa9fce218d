package org.spack.cachesearch.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Opaque cursors: the sort values of the last hit on a page, for search-after. Tied to the order
 * they were made for; they stay valid across index refreshes (the last sort key is unique).
 */
final class Cursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final byte FLOAT = 1;
  private static final byte BYTES = 2;
  private static final byte MISSING = 3;

  private Cursor() {}

  static String encode(SortOrder order, FieldDoc doc) {
    ByteBuffer out = ByteBuffer.allocate(64 + size(doc));
    out.put((byte) order.ordinal());
    out.put((byte) doc.fields.length);
    for (Object value : doc.fields) {
      if (value instanceof Float f) {
        out.put(FLOAT).putFloat(f);
      } else if (value instanceof BytesRef b) {
        out.put(BYTES).putShort((short) b.length).put(b.bytes, b.offset, b.length);
      } else {
        out.put(MISSING);
      }
    }
    return ENCODER.encodeToString(Arrays.copyOf(out.array(), out.position()));
  }

  private static int size(FieldDoc doc) {
    int n = 0;
    for (Object value : doc.fields) {
      n += value instanceof BytesRef b ? b.length + 3 : 5;
    }
    return n;
  }

  /**
   * The position after which the next page starts; a cursor of another order is refused.
   *
   * @param maxDoc the reader's {@code maxDoc}: search-after refuses a doc id past it
   */
  static FieldDoc decode(SortOrder order, String cursor, int maxDoc) {
    try {
      ByteBuffer in = ByteBuffer.wrap(DECODER.decode(cursor.getBytes(StandardCharsets.US_ASCII)));
      if (in.get() != order.ordinal()) {
        throw bad("it was made for another sort order");
      }
      int n = in.get();
      if (n != order.sort().getSort().length) {
        throw bad("it does not fit this sort order");
      }
      Object[] fields = new Object[n];
      for (int i = 0; i < n; i++) {
        byte type = in.get();
        fields[i] =
            switch (type) {
              case FLOAT -> in.getFloat();
              case BYTES -> {
                byte[] b = new byte[in.getShort()];
                in.get(b);
                yield new BytesRef(b);
              }
              case MISSING -> null;
              default -> throw bad("it is damaged");
            };
      }
      if (in.hasRemaining()) {
        throw bad("it is damaged");
      }
      // Past every document whose sort values equal the cursor's, the cursor's own included:
      // search-after skips equal ones with a doc id up to this, the highest it accepts.
      return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, fields);
    } catch (IllegalArgumentException
        | java.nio.BufferUnderflowException
        | NegativeArraySizeException e) {
      throw bad("it is not a cursor this server made");
    }
  }

  private static SearchException bad(String why) {
    return new SearchException(
        SearchException.Kind.BAD_CURSOR,
        "invalid cursor: " + why + "; pass the endCursor of the previous page unchanged");
  }
}
