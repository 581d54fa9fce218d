package org.spack.cachesearch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a build cache's database JSON (in a file, a mirror directory or a URL, layouts v3 and v2)
 * and fetches its bytes, checked against the manifest.
 */
public final class MirrorReader {
  private final ByteFetcher fetcher;

  /** Reads over {@code http} and, for local files, under its size limit. */
  public MirrorReader(HttpFetcher http) {
    this.fetcher = new ByteFetcher(Objects.requireNonNull(http, "http"));
  }

  /**
   * Whether a location is a build cache rather than a page file or tree: a URL, a JSON file or
   * blob, or a directory holding a v2 or v3 index.
   */
  public static boolean isBuildCache(String location) {
    if (location.matches("(?i)(https?|file):.*")) {
      return true;
    }
    Path path = Path.of(location);
    if (Files.isDirectory(path)) {
      return Files.exists(path.resolve(MirrorLayout.V2_INDEX))
          || Files.exists(path.resolve(MirrorLayout.V3_INDEX_MANIFEST));
    }
    return location.endsWith(".json") || MirrorLayout.blobChecksum(location).isPresent();
  }

  /**
   * Reads the database JSON a location holds or points at.
   *
   * @param location an index file (a JSON file, a v3 manifest, a v3 blob; gzip is undone); a mirror
   *     directory (v3 layout preferred when both exist, else v2 {@code build_cache/index.json}); or
   *     an http(s) or file URL of either: a URL ending in {@code .json} or naming a blob is a file,
   *     any other is a mirror root
   */
  public DatabaseBlob read(String location) throws BuildCacheException {
    String where = ByteFetcher.normalize(Objects.requireNonNull(location, "location"));
    if (ByteFetcher.isUrl(where)) {
      return MirrorLayout.namesFile(where) ? readFile(where) : readMirror(where);
    }
    Path path = ByteFetcher.path(where);
    if (Files.isDirectory(path)) {
      return readMirror(where);
    }
    if (Files.isRegularFile(path)) {
      return readFile(where);
    }
    throw new BuildCacheException(where, "no such file or directory");
  }

  private DatabaseBlob readFile(String file) throws BuildCacheException {
    Optional<String> root = MirrorLayout.manifestRoot(file);
    if (root.isPresent()) {
      return readManifest(file, fetcher.read(file), root.get());
    }
    byte[] bytes = fetcher.read(file);
    Optional<String> named = MirrorLayout.blobChecksum(file);
    if (named.isPresent()) {
      BlobRecord.verifySha256(file, named.get(), bytes);
    }
    // A catalogue points at blobs directly, without their manifest: gzip shows in the bytes.
    byte[] json =
        GzipDecoder.isGzip(bytes) ? GzipDecoder.decode(file, bytes, fetcher.limit()) : bytes;
    return new DatabaseBlob(file, json);
  }

  private DatabaseBlob readMirror(String root) throws BuildCacheException {
    String manifest = ByteFetcher.join(root, MirrorLayout.V3_INDEX_MANIFEST);
    Optional<byte[]> v3 = fetcher.readIfPresent(manifest);
    if (v3.isPresent()) {
      return readManifest(manifest, v3.get(), root);
    }
    String index = ByteFetcher.join(root, MirrorLayout.V2_INDEX);
    Optional<byte[]> v2 = fetcher.readIfPresent(index);
    if (v2.isPresent()) {
      return new DatabaseBlob(index, v2.get());
    }
    throw new BuildCacheException(
        root,
        "no build-cache index: neither "
            + MirrorLayout.V3_INDEX_MANIFEST
            + " nor "
            + MirrorLayout.V2_INDEX
            + " exists");
  }

  private DatabaseBlob readManifest(String manifest, byte[] bytes, String root)
      throws BuildCacheException {
    BlobRecord record = Manifest.parse(manifest, bytes).newestDatabase(manifest);
    String blob = ByteFetcher.join(root, record.path());
    return new DatabaseBlob(blob, record.open(blob, fetcher.read(blob), fetcher.limit()));
  }
}
