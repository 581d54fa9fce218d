package org.spack.cachesearch.ingest;

/**
 * How much one page may ask of the reader: its size in bytes (a larger file is refused before it is
 * read) and how deeply its front matter may nest lists and mappings.
 *
 * @param maxBytes the largest page file read, in bytes
 * @param maxNesting the deepest nesting of lists and mappings, the front matter itself counting as
 *     one
 */
public record PageLimits(int maxBytes, int maxNesting) {

  /**
   * 32 MiB: real pages are at most a few MiB (each field one line of JSON), and a page is held in
   * memory whole while it is read, about twenty times over once parsed, once per ingest thread.
   */
  public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

  /** Real pages nest four deep (spec_details, a spec, its variants); SnakeYAML's own default. */
  public static final int DEFAULT_MAX_NESTING = 50;

  public static final PageLimits DEFAULT = new PageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_NESTING);

  /** One GiB less a little: a page is read into one array. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  public PageLimits {
    if (maxBytes < 1 || maxBytes > MAX_ARRAY) {
      throw new IllegalArgumentException(
          "maxBytes must be 1 to " + MAX_ARRAY + ", was " + maxBytes);
    }
    if (maxNesting < 2) {
      throw new IllegalArgumentException("maxNesting must be 2 or more, was " + maxNesting);
    }
  }
}
