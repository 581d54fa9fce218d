package org.spack.cachesearch.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Decompresses a gzip blob in memory, refusing output past a size limit (a gzip bomb). */
final class GzipDecoder {
  private GzipDecoder() {}

  /** Whether the bytes start with the gzip magic number, as Spack tests a spec file. */
  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  static byte[] decode(String source, byte[] gzip, long limit) throws BuildCacheException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (out.size() + (long) n > limit) {
          throw new BuildCacheException(
              source, "decompressed index is larger than the limit of " + limit + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new BuildCacheException(source, "not valid gzip data: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
