package org.spack.cachesearch.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One blob a v3 manifest lists: what it holds (media type), how it is stored (compression) and its
 * checksum and length, both of the stored bytes, as Spack computes them while it writes.
 */
record BlobRecord(
    long contentLength,
    String mediaType,
    String compression,
    String checksumAlgorithm,
    String checksum) {
  private static final Pattern DATABASE =
      Pattern.compile("application/vnd\\.spack\\.db\\.v(\\d+)\\+json");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  BlobRecord {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** The Database version of an index blob ({@code application/vnd.spack.db.v<N>+json}). */
  Optional<Integer> databaseVersion() {
    Matcher db = DATABASE.matcher(mediaType);
    return db.matches() && db.group(1).length() < 6
        ? Optional.of(Integer.valueOf(db.group(1)))
        : Optional.empty();
  }

  /** Refuses, before any download, what this build cannot check or decompress. */
  void checkReadable(String manifest) throws BuildCacheException {
    if (!checksumAlgorithm.equals("sha256")) {
      throw new BuildCacheException(
          manifest, "checksum algorithm " + checksumAlgorithm + " is not supported (only sha256)");
    }
    if (!SHA256_HEX.matcher(checksum).matches()) {
      throw new BuildCacheException(
          manifest, "checksum \"" + checksum + "\" is not 64 lowercase hexadecimal digits");
    }
    if (!compression.equals("gzip") && !compression.equals("none")) {
      throw new BuildCacheException(
          manifest, "compression " + compression + " is not supported (gzip or none)");
    }
  }

  String path() {
    return MirrorLayout.blobPath(checksumAlgorithm, checksum);
  }

  /** The content of the stored bytes, once their length and checksum match the record. */
  byte[] open(String blob, byte[] stored, long limit) throws BuildCacheException {
    if (stored.length != contentLength) {
      throw new BuildCacheException(
          blob, "blob is " + stored.length + " bytes, the manifest says " + contentLength);
    }
    verifySha256(blob, checksum, stored);
    return compression.equals("gzip") ? GzipDecoder.decode(blob, stored, limit) : stored;
  }

  static void verifySha256(String blob, String expected, byte[] stored) throws BuildCacheException {
    String actual = sha256(stored);
    if (!actual.equals(expected)) {
      throw new BuildCacheException(
          blob, "sha256 checksum mismatch: expected " + expected + ", actual " + actual);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
