package org.spack.cachesearch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a page file as text: refuses a file over the size limit without reading it, decodes strict
 * UTF-8 (naming the line of the first malformed byte) and drops a leading byte order mark.
 */
final class PageText {
  private static final char BOM = '\uFEFF';

  private PageText() {}

  /** The bytes of {@code file}, unless it is larger than {@code maxBytes}. */
  static byte[] bytes(Path file, int maxBytes) throws PageFault {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw tooLarge(size, maxBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        // The size can change between the two calls: never read more than the limit.
        bytes = in.readNBytes(maxBytes + 1);
      }
    } catch (NoSuchFileException e) {
      throw new PageFault(1, "cannot read: no such file");
    } catch (AccessDeniedException e) {
      throw new PageFault(1, "cannot read: permission denied");
    } catch (IOException e) {
      throw new PageFault(1, "cannot read: " + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(bytes.length, maxBytes);
    }
    return bytes;
  }

  /**
   * The text of {@code bytes}, strict UTF-8; a byte order mark is legal UTF-8 at the start of a
   * file, and dropped so that the first line can still be the {@code ---} fence.
   */
  static String decode(byte[] bytes) throws PageFault {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw malformed(bytes, in.position(), result.length());
    }
    decoder.flush(out);
    out.flip();
    if (out.hasRemaining() && out.get(0) == BOM) {
      out.position(1);
    }
    return out.toString();
  }

  private static PageFault malformed(byte[] bytes, int at, int length) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    StringBuilder shown = new StringBuilder();
    for (int i = at; i < at + length; i++) {
      shown.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xff));
    }
    return new PageFault(line, "not UTF-8 text: malformed byte" + (length > 1 ? "s" : "") + shown);
  }

  private static PageFault tooLarge(long size, int maxBytes) {
    return new PageFault(
        1,
        "page too large: " + size + " bytes, over the limit of " + maxBytes + " bytes; not read");
  }
}
