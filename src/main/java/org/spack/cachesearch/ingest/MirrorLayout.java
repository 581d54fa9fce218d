package org.spack.cachesearch.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a build cache keeps its index, in layout v3 (a manifest pointing at a content-addressed
 * blob) and v2 ({@code build_cache/index.json}), as Spack's {@code url_buildcache.py} places them.
 */
final class MirrorLayout {
  static final String V3_INDEX_MANIFEST = "v3/manifests/index/index.manifest.json";
  static final String V2_INDEX = "build_cache/index.json";

  /** {@code blobs/<algorithm>/<first two characters>/<checksum>}, for sha256 only. */
  private static final Pattern SHA256_BLOB =
      Pattern.compile("(?:^|/)blobs/sha256/([0-9a-f]{2})/(\\1[0-9a-f]{62})$");

  /** Any v3 manifest; what precedes {@code v3/manifests/} is the mirror root. */
  private static final Pattern MANIFEST =
      Pattern.compile("^(?:(.*)/)?v3/manifests/.+\\.manifest\\.json$");

  private MirrorLayout() {}

  /** The path of a blob under the mirror root. */
  static String blobPath(String algorithm, String checksum) {
    return "blobs/" + algorithm + "/" + checksum.substring(0, 2) + "/" + checksum;
  }

  /** The sha256 a location is named after, when it is a blob of a v3 mirror. */
  static Optional<String> blobChecksum(String location) {
    Matcher blob = SHA256_BLOB.matcher(location.replace('\\', '/'));
    return blob.find() ? Optional.of(blob.group(2)) : Optional.empty();
  }

  /** The mirror root of a location that is a v3 manifest. */
  static Optional<String> manifestRoot(String location) {
    Matcher manifest = MANIFEST.matcher(location.replace('\\', '/'));
    if (!manifest.matches()) {
      return Optional.empty();
    }
    return Optional.of(manifest.group(1) == null ? "." : manifest.group(1));
  }

  /**
   * Whether a URL names a file (a JSON file or a blob) rather than a mirror root; a URL cannot be
   * asked, so its name decides.
   */
  static boolean namesFile(String url) {
    return url.endsWith(".json") || blobChecksum(url).isPresent();
  }
}
