package org.spack.cachesearch.ingest;

import java.util.Locale;

/**
 * Text from a page as an error message shows it: on one line, control characters escaped, long
 * values cut, so that a hostile page cannot forge or flood the ingest's report.
 */
final class Printable {
  /** Enough for any real name or value; a message stays one readable line. */
  private static final int MAX_CODE_POINTS = 80;

  /** A list of values in a message: a few dozen short ones. */
  private static final int MAX_LIST_CHARS = 400;

  private Printable() {}

  /** {@code "value"}, shortened. */
  static String quote(String value) {
    return "\"" + shorten(value) + "\"";
  }

  /** {@code value} escaped, cut after {@value #MAX_CODE_POINTS} code points. */
  static String shorten(String value) {
    String cut = value;
    if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
      cut = value.substring(0, value.offsetByCodePoints(0, MAX_CODE_POINTS)) + "...";
    }
    return escape(cut);
  }

  /** {@code text} cut after {@value #MAX_LIST_CHARS} characters: a list of values, say. */
  static String cut(String text) {
    return text.length() > MAX_LIST_CHARS ? text.substring(0, MAX_LIST_CHARS) + "..." : text;
  }

  /** {@code text} with every control or format character written as {@code \\uXXXX}. */
  static String escape(String text) {
    if (text.codePoints().noneMatch(Printable::isHidden)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (isHidden(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** Control characters (line breaks, terminal escapes) and invisible format characters. */
  static boolean isHidden(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT;
  }
}
