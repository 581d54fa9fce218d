package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A v3 manifest ({@code {"version": 3, "data": [blob records]}}), and the choice of the index blob
 * among the Database versions it lists.
 */
record Manifest(List<BlobRecord> data) {
  /** The Database versions the index parser reads. */
  static final int OLDEST_DATABASE = 6;

  static final int NEWEST_DATABASE = 9;

  private static final int LAYOUT = 3;
  private static final String SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";

  Manifest {
    data = List.copyOf(data);
  }

  static Manifest parse(String source, byte[] bytes) throws BuildCacheException {
    if (new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8)
        .startsWith(SIGNED)) {
      throw new BuildCacheException(
          source,
          "a signed manifest is not read here (Spack signs only"
              + " the manifests of binary packages, not the index)");
    }
    JsonNode root = JsonDocument.read(source, bytes);
    JsonNode version = root.path("version");
    if (!version.isInt() || version.intValue() != LAYOUT) {
      String found = version.isMissingNode() ? "missing" : version.toString();
      throw new BuildCacheException(source, "manifest layout version " + found + ", expected 3");
    }
    JsonNode data = root.path("data");
    if (!data.isArray()) {
      throw new BuildCacheException(source, "manifest \"data\" is not a list");
    }
    List<BlobRecord> records = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      records.add(record(source, data.get(i), "manifest entry " + i));
    }
    return new Manifest(records);
  }

  private static BlobRecord record(String source, JsonNode entry, String where)
      throws BuildCacheException {
    JsonNode length = entry.path("contentLength");
    if (!length.isIntegralNumber() || !length.canConvertToLong() || length.longValue() < 0) {
      throw new BuildCacheException(source, where + ": \"contentLength\" is not a length");
    }
    return new BlobRecord(
        length.longValue(),
        JsonDocument.text(source, entry, "mediaType", where),
        JsonDocument.text(source, entry, "compression", where),
        JsonDocument.text(source, entry, "checksumAlgorithm", where),
        JsonDocument.text(source, entry, "checksum", where));
  }

  /**
   * The index in the newest Database version this build reads, as Spack reads the one of its own
   * version; an index only in newer (or older) versions is an error, not a guess.
   */
  BlobRecord newestDatabase(String source) throws BuildCacheException {
    Optional<BlobRecord> newest =
        data.stream()
            .filter(r -> r.databaseVersion().map(Manifest::readable).orElse(false))
            .max(Comparator.comparing(r -> r.databaseVersion().orElseThrow()));
    if (newest.isEmpty()) {
      throw new BuildCacheException(
          source,
          "no index in a database version this build reads (v"
              + OLDEST_DATABASE
              + " to v"
              + NEWEST_DATABASE
              + "); the manifest lists "
              + listed());
    }
    newest.get().checkReadable(source);
    return newest.get();
  }

  private static boolean readable(int version) {
    return version >= OLDEST_DATABASE && version <= NEWEST_DATABASE;
  }

  private String listed() {
    String versions =
        data.stream()
            .flatMap(r -> r.databaseVersion().stream())
            .map(v -> "v" + v)
            .collect(Collectors.joining(", "));
    return versions.isEmpty() ? "none" : versions;
  }
}
