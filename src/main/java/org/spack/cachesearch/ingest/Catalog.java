package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Spack's catalogue of public build caches ({@code cache_spack_io_index.json}, a map from
 * each release to its stacks, each {@code {"label", "url"}}) into one entry per release and stack.
 */
public final class Catalog {
  /** The catalogue that packages.spack.io reads. */
  public static final String SPACK = "https://binaries.spack.io/cache_spack_io_index.json";

  private static final String BUCKET = "s3://spack-binaries/";
  private static final String SERVED = "https://binaries.spack.io/";

  private Catalog() {}

  /**
   * Reads a catalogue into one entry per release and stack.
   *
   * @param location a file path, file URL or http(s) URL of the catalogue
   * @return the entries in the catalogue's order, {@code s3://spack-binaries/} rewritten to the
   *     HTTPS address it is served under
   */
  public static List<CatalogEntry> read(String location, HttpFetcher http)
      throws BuildCacheException {
    String where = ByteFetcher.normalize(location);
    JsonNode root = JsonDocument.read(where, new ByteFetcher(http).read(where));
    if (!root.isObject()) {
      throw new BuildCacheException(where, "not a catalogue: a JSON object from release to stacks");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> release : root.properties()) {
      entries.addAll(stacks(where, release.getKey(), release.getValue()));
    }
    return List.copyOf(entries);
  }

  private static List<CatalogEntry> stacks(String source, String release, JsonNode stacks)
      throws BuildCacheException {
    if (!stacks.isArray()) {
      throw new BuildCacheException(source, "release " + release + ": stacks are not a list");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (int i = 0; i < stacks.size(); i++) {
      String where = "release " + release + ", stack " + i;
      JsonNode stack = stacks.get(i);
      String label = JsonDocument.text(source, stack, "label", where);
      String url = JsonDocument.text(source, stack, "url", where);
      if (label.isBlank()) {
        throw new BuildCacheException(source, where + ": \"label\" is empty");
      }
      entries.add(new CatalogEntry(release, label, served(source, where, url)));
    }
    return entries;
  }

  /** Where a stack's index is served: the bucket's objects are public under binaries.spack.io. */
  private static String served(String source, String where, String url) throws BuildCacheException {
    if (url.startsWith(BUCKET)) {
      return SERVED + url.substring(BUCKET.length());
    }
    if (url.toLowerCase(Locale.ROOT).startsWith("s3://")) {
      throw new BuildCacheException(
          source, where + ": " + url + " is not served over HTTPS (only " + BUCKET + " is)");
    }
    if (url.isBlank()) {
      throw new BuildCacheException(source, where + ": \"url\" is empty");
    }
    return url;
  }
}
