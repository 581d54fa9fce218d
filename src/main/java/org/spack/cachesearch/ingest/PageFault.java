package org.spack.cachesearch.ingest;

/** Why a page cannot be read at all, and the line that shows it. */
final class PageFault extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  PageFault(int line, String message) {
    super(message);
    this.line = line;
  }

  /** 1-based; in whatever text the thrower was reading (the file, or the front matter's YAML). */
  int line() {
    return line;
  }
}
