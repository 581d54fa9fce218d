package org.spack.cachesearch.spack;

/**
 * Finds where each lexical piece of Spack's spec grammar (names, versions, quoted values) ends in a
 * spec string, for {@link SpecLexer}; positions are 0-based, and -1 means the piece is not there.
 */
final class SpecScanner {
  private final String text;

  SpecScanner(String text) {
    this.text = text;
  }

  /** The character at {@code i}, or {@code '\0'} past the end. */
  char at(int i) {
    return i < text.length() ? text.charAt(i) : '\0';
  }

  int skipBlanks(int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A word character, then word characters and dashes; {@code start} if none is there. */
  int identifier(int start) {
    if (!isWord(at(start))) {
      return start;
    }
    int end = start + 1;
    while (isWord(at(end)) || at(end) == '-') {
      end++;
    }
    return end;
  }

  /** An identifier, or dotted identifiers ({@code builtin.zlib}). */
  int packageName(int start) {
    int end = identifier(start);
    while (end > start && at(end) == '.' && isWord(at(end + 1))) {
      end = identifier(end + 1);
    }
    return end;
  }

  /** The end of a variant or key name that starts with a word character at {@code start}. */
  int nameEnd(int start) {
    int end = start + 1;
    while (isNameChar(at(end))) {
      end++;
    }
    return end;
  }

  /** {@code git.<ref>} or a 40-hex commit, then maybe {@code =<version>}. */
  int gitVersion(int i) {
    int end;
    if (text.startsWith("git.", i) && isWord(at(i + 4))) {
      end = i + 5;
      while (isWord(at(end)) || "./-".indexOf(at(end)) >= 0) {
        end++;
      }
    } else if (i + 40 <= text.length() && text.substring(i, i + 40).matches("[A-Fa-f0-9]{40}")) {
      end = i + 40;
    } else {
      return -1;
    }
    int version = at(end) == '=' ? singleVersion(end + 1) : -1;
    return version < 0 ? end : version;
  }

  /** Versions and ranges separated by commas, blanks allowed around the commas. */
  int versionList(int i) {
    int end = rangeOrVersion(i);
    while (end >= 0) {
      int comma = skipBlanks(end);
      int next = at(comma) == ',' ? rangeOrVersion(skipBlanks(comma + 1)) : -1;
      if (next < 0) {
        break;
      }
      end = next;
    }
    return end;
  }

  private int rangeOrVersion(int i) {
    int colon = singleVersion(i);
    if (colon < 0) {
      colon = i;
    }
    if (at(colon) != ':') {
      return singleVersion(i);
    }
    // As Spack: an upper end followed by '=' is the key of the next token (@1.2:develop=foo).
    int upper = singleVersion(colon + 1);
    return upper >= 0 && at(skipBlanks(upper)) != '=' ? upper : colon + 1;
  }

  /** An optional {@code =}, then a whole run of version characters that ends alphanumeric. */
  private int singleVersion(int i) {
    int start = at(i) == '=' ? i + 1 : i;
    if (!isWord(at(start))) {
      return -1;
    }
    int end = start;
    while (isNameChar(at(end))) {
      end++;
    }
    // As the token's regex backtracks: a version ends at its last letter, digit or '_'.
    while (!isWord(at(end - 1))) {
      end--;
    }
    return end;
  }

  /** The end of an unquoted value: word characters and {@code -+*.,:=%^~/\}. */
  int valueEnd(int start) {
    int end = start;
    while (isWord(at(end)) || "-+*.,:=%^~/\\".indexOf(at(end)) >= 0) {
      end++;
    }
    return end;
  }

  /** The first quote not escaped by a backslash; failing that, as Spack's regex, the last one. */
  int closingQuote(int open) {
    char quote = text.charAt(open);
    for (int i = open + 1; i < text.length(); i++) {
      if (text.charAt(i) == quote && text.charAt(i - 1) != '\\') {
        return i;
      }
    }
    int last = text.lastIndexOf(quote);
    return last > open ? last : -1;
  }

  /** An ASCII letter, digit or underscore: Spack's names are ASCII. */
  static boolean isWord(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  private static boolean isNameChar(char c) {
    return isWord(c) || c == '-' || c == '.';
  }
}
