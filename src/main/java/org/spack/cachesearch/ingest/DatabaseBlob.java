package org.spack.cachesearch.ingest;

import java.util.Objects;

/**
 * Where a database JSON comes from (the file or URL its bytes were read from) and its bytes,
 * checked and decompressed; the array is shared, not copied, since an index can be hundreds of MB.
 */
@SuppressWarnings("ArrayRecordComponent") // bytes, not a value: compared by no one
public record DatabaseBlob(String source, byte[] json) {
  public DatabaseBlob {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(json, "json");
  }
}
