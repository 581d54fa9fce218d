package org.spack.cachesearch.ingest;

/**
 * A build-cache index that cannot be read: a broken or unknown file, a wrong checksum, a failed
 * download. The message names the file or URL and what is wrong; nothing of that source is indexed.
 */
public final class BuildCacheException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param source the file or URL, as the user gave it or as it was derived from it
   * @param message what is wrong, e.g. {@code database version 10 is newer than this build reads}
   */
  public BuildCacheException(String source, String message) {
    super(source + ": " + message);
    this.source = source;
  }

  public BuildCacheException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
  }

  public String source() {
    return source;
  }
}
