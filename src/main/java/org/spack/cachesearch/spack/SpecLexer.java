package org.spack.cachesearch.spack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a spec string into Spack's tokens on demand, each with its 1-based column. At a position the
 * first kind that fits wins, in the order of the token table of spack/spec_parser.py: edges,
 * versions, variants, key=value pairs, spec files, package names, hashes.
 */
final class SpecLexer {

  /** What a token is; {@link Token} says what each carries. */
  enum Kind {
    NAME,
    VERSION,
    BOOL_VARIANT,
    KEY_VALUE,
    DEPENDENCY,
    EDGE_OPEN,
    EDGE_CLOSE,
    HASH
  }

  /**
   * One token, starting at {@code column}.
   *
   * @param sigil the operator as written: {@code @ + ~ - ++ ~~ -- = == := :== ^ % %% ] /}
   * @param name a package name ({@code builtin.zlib}, {@code *}), a variant or key name, or the
   *     package an edge assigns to virtuals ({@code gcc} of {@code %c,cxx=gcc}); else null
   * @param value the version text, the unquoted value, the hash prefix, or the virtuals an edge
   *     assigns ({@code c,cxx}); else null
   */
  record Token(
      Kind kind,
      int column,
      String sigil,
      String name,
      int nameColumn,
      String value,
      int valueColumn) {}

  /** A path to a spec file, as Spack's Unix FILENAME token reads it. */
  private static final Pattern FILE =
      Pattern.compile("(?:\\.|/|[A-Za-z0-9_-]*/)[A-Za-z0-9_./-]*\\.(?:json|yaml)");

  private final String text;
  private final SpecScanner scanner;
  private int pos;
  private Token peeked;

  SpecLexer(String text) {
    this.text = text.stripTrailing();
    this.scanner = new SpecScanner(this.text);
  }

  /** The next token, not consumed; null at the end. */
  Token peek() {
    if (peeked == null) {
      pos = scanner.skipBlanks(pos);
      if (pos < text.length()) {
        peeked = scan(pos);
      }
    }
    return peeked;
  }

  /** The next token, consumed; null at the end. */
  Token next() {
    Token token = peek();
    peeked = null;
    return token;
  }

  /** Where the next token starts, or one past the end of the input. */
  int nextColumn() {
    Token token = peek();
    return token == null ? text.length() + 1 : token.column();
  }

  private Token scan(int start) {
    return switch (text.charAt(start)) {
      case '^', '%' -> dependency(start);
      case ']' -> assignment(Kind.EDGE_CLOSE, start, "]", start + 1);
      case '@' -> version(start);
      case '+', '~', '-' -> boolVariant(start);
      case '/' -> hash(start);
      case '*' -> emit(start + 1, new Token(Kind.NAME, start + 1, null, "*", start + 1, null, 0));
      default -> word(start);
    };
  }

  private Token dependency(int start) {
    String sigil = text.startsWith("%%", start) ? "%%" : text.substring(start, start + 1);
    int after = start + sigil.length();
    if (scanner.at(after) == '[') {
      return emit(after + 1, new Token(Kind.EDGE_OPEN, start + 1, sigil, null, 0, null, 0));
    }
    return assignment(Kind.DEPENDENCY, start, sigil, after);
  }

  /** An edge token, taking the virtual assignment ({@code c,cxx=gcc}) that may follow it. */
  private Token assignment(Kind kind, int start, String sigil, int after) {
    int first = scanner.skipBlanks(after);
    int end = scanner.identifier(first);
    while (end > first && scanner.at(end) == ',' && SpecScanner.isWord(scanner.at(end + 1))) {
      end = scanner.identifier(end + 1);
    }
    if (end > first && scanner.at(end) == '=' && SpecScanner.isWord(scanner.at(end + 1))) {
      int pkgEnd = scanner.packageName(end + 1);
      String pkg = text.substring(end + 1, pkgEnd);
      String virtuals = text.substring(first, end);
      return emit(pkgEnd, new Token(kind, start + 1, sigil, pkg, end + 2, virtuals, first + 1));
    }
    return emit(after, new Token(kind, start + 1, sigil, null, 0, null, 0));
  }

  private Token version(int start) {
    int from = start + 1;
    int end = scanner.gitVersion(from);
    if (end < 0) {
      from = scanner.skipBlanks(from);
      end = scanner.versionList(from);
    }
    if (end < 0) {
      throw new SpecSyntaxException(from + 1, "expected a version after '@'");
    }
    String version = text.substring(from, end);
    return emit(end, new Token(Kind.VERSION, start + 1, "@", null, 0, version, from + 1));
  }

  private Token boolVariant(int start) {
    boolean doubled = scanner.at(start + 1) == text.charAt(start);
    String sigil = text.substring(start, start + (doubled ? 2 : 1));
    int name = scanner.skipBlanks(start + sigil.length());
    if (!SpecScanner.isWord(scanner.at(name))) {
      throw new SpecSyntaxException(name + 1, "expected a variant name after '" + sigil + "'");
    }
    int end = scanner.nameEnd(name);
    String variant = text.substring(name, end);
    return emit(end, new Token(Kind.BOOL_VARIANT, start + 1, sigil, variant, name + 1, null, 0));
  }

  private Token hash(int start) {
    rejectFile(start);
    int end = start + 1;
    while (SpecScanner.isWord(scanner.at(end))) {
      end++;
    }
    if (end == start + 1) {
      throw new SpecSyntaxException(start + 2, "expected a hash after '/'");
    }
    String prefix = text.substring(start + 1, end);
    return emit(end, new Token(Kind.HASH, start + 1, "/", null, 0, prefix, start + 2));
  }

  /** A key=value pair, else a package name. */
  private Token word(int start) {
    if (!SpecScanner.isWord(text.charAt(start))) {
      rejectFile(start);
      throw new SpecSyntaxException(start + 1, "unexpected '" + text.charAt(start) + "'");
    }
    int keyEnd = scanner.nameEnd(start);
    int sepEnd = scanner.at(keyEnd) == ':' ? keyEnd + 1 : keyEnd;
    if (scanner.at(sepEnd) == '=') {
      sepEnd += scanner.at(sepEnd + 1) == '=' ? 2 : 1;
      return keyValue(start, keyEnd, sepEnd);
    }
    rejectFile(start);
    int end = scanner.packageName(start);
    String name = text.substring(start, end);
    return emit(end, new Token(Kind.NAME, start + 1, null, name, start + 1, null, 0));
  }

  private Token keyValue(int start, int keyEnd, int from) {
    String key = text.substring(start, keyEnd);
    String sep = text.substring(keyEnd, from);
    char quote = scanner.at(from);
    if (quote == '\'' || quote == '"') {
      int close = scanner.closingQuote(from);
      if (close < 0) {
        String reason = "expected a closing " + quote + " for the quote at column " + (from + 1);
        throw new SpecSyntaxException(text.length() + 1, reason);
      }
      String value = text.substring(from + 1, close).replace("\\" + quote, String.valueOf(quote));
      return emit(
          close + 1, new Token(Kind.KEY_VALUE, start + 1, sep, key, start + 1, value, from + 2));
    }
    int end = scanner.valueEnd(from);
    if (end == from) {
      throw new SpecSyntaxException(from + 1, "expected a value after '" + key + sep + "'");
    }
    String value = text.substring(from, end);
    return emit(end, new Token(Kind.KEY_VALUE, start + 1, sep, key, start + 1, value, from + 1));
  }

  private void rejectFile(int start) {
    Matcher file = FILE.matcher(text).region(start, text.length());
    if (file.lookingAt()) {
      throw new SpecSyntaxException(
          start + 1, "expected a spec, not the spec file '" + file.group() + "'");
    }
  }

  private Token emit(int end, Token token) {
    pos = end;
    return token;
  }
}
