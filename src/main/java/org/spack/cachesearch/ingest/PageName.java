package org.spack.cachesearch.ingest;

/**
 * Checks a package or tag name as a page gives it. Names become index keys ({@code tag/name}) and
 * path segments: no white space, no path separators or steps, nothing invisible.
 */
final class PageName {
  private PageName() {}

  /**
   * Why {@code s} cannot be a name, as the end of a message ({@code ": it ..."}); null if it can.
   */
  static String fault(String s) {
    if (s.isBlank()) {
      return ": it is empty";
    }
    if (s.equals(".") || s.equals("..")) {
      return ": it is a path step";
    }
    if (s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
      return ": it holds a path separator";
    }
    if (s.codePoints().anyMatch(Printable::isHidden)) {
      return ": it holds a control character";
    }
    if (s.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      return ": it holds white space";
    }
    return null;
  }
}
