package org.spack.cachesearch.spack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Spack version constraint (the text after '@') as ranges over {@link SpackVersion#sortKey} keys,
 * so that an index answers it with term-range queries instead of a scan of every version.
 *
 * <p>As spack/version/version_types.py reads it: {@code lo:hi} is the closed-open range from lo up
 * to Spack's {@code _next_version(hi)} ({@code ClosedOpenRange.from_version_range}), a bare {@code
 * 1.2} is {@code 1.2:1.2} (so 1.2.x, but also 1.3rc1, which sorts below 1.3), {@code =1.2} is that
 * version alone, {@code :} is every version and a comma list is a union. (Over 200 lines: the
 * record and the small parser of its text belong together; each is under 200.)
 *
 * @param text the constraint as written
 * @param ranges the key ranges whose union is the constraint
 */
public record VersionConstraint(String text, List<KeyRange> ranges) {
  /** Spack's {@code is_git_commit_sha} (spack/util/git.py): a 40-hex version is a git commit. */
  private static final Pattern GIT_SHA = Pattern.compile("[a-f0-9]{40}");

  public VersionConstraint {
    Objects.requireNonNull(text, "text");
    ranges = List.copyOf(ranges);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("a version constraint needs at least one range");
    }
  }

  /** Parses a constraint as written after '@'; throws {@link VersionSyntaxException}. */
  public static VersionConstraint parse(String text) {
    return new VersionConstraint(text, new Parser(text, 0, text.length()).ranges());
  }

  /**
   * Lucene-syntax ranges {@code versions:[low TO high]} with {@code @low:high}'s key semantics: an
   * inclusive high covers its extensions (as {@code @:high}), an exclusive one stops just below
   * high; a low bound is the version itself. A null bound is open.
   */
  public static VersionConstraint between(
      String low, boolean lowInclusive, String high, boolean highInclusive) {
    String lowText = low == null ? "*" : low;
    String highText = high == null ? "*" : high;
    String text =
        (lowInclusive ? "[" : "{") + lowText + " TO " + highText + (highInclusive ? "]" : "}");
    String lower = low == null ? null : SpackVersion.sortKey(Parser.bound(text, 1, low, "lower"));
    String upper = null;
    if (high != null) {
      String version = Parser.bound(text, lowText.length() + 5, high, "upper");
      upper = highInclusive ? SpackVersion.nextKey(version) : SpackVersion.sortKey(version);
    }
    return new VersionConstraint(
        text, List.of(new KeyRange(lower, lower != null && lowInclusive, upper, false)));
  }

  /** Whether {@code version} satisfies the constraint, decided on its key alone. */
  public boolean contains(String version) {
    String key = SpackVersion.sortKey(version);
    return ranges.stream().anyMatch(range -> range.containsKey(key));
  }

  /**
   * Keys of {@link SpackVersion#sortKey}, compared as UTF-8 bytes like Lucene terms; a null bound
   * is unbounded (and never inclusive).
   */
  public record KeyRange(
      String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {
    public KeyRange {
      if ((lower == null && lowerInclusive) || (upper == null && upperInclusive)) {
        throw new IllegalArgumentException("an unbounded side cannot be inclusive");
      }
    }

    /** Whether a sort key lies in this range. */
    public boolean containsKey(String key) {
      byte[] bytes = utf8(key);
      int fromLower = lower == null ? 1 : Arrays.compareUnsigned(bytes, utf8(lower));
      int toUpper = upper == null ? -1 : Arrays.compareUnsigned(bytes, utf8(upper));
      return (fromLower > 0 || (fromLower == 0 && lowerInclusive))
          && (toUpper < 0 || (toUpper == 0 && upperInclusive));
    }

    private static byte[] utf8(String key) {
      return key.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** One item of a list and what may follow it, for the error message when something else does. */
  private record Item(KeyRange range, String follow) {}

  /** Reads spec syntax's version list (spack/spec_parser.py: VERSION, VERSION_RANGE, ...). */
  private static final class Parser {
    private final String text;
    private final int end;
    private int pos;

    Parser(String text, int start, int end) {
      this.text = text;
      this.pos = start;
      this.end = end;
    }

    List<KeyRange> ranges() {
      List<KeyRange> ranges = new ArrayList<>();
      String context = "at the start";
      while (true) {
        int start = pos;
        Item item = item(context);
        ranges.add(item.range());
        int afterItem = pos;
        skipBlanks(); // As VERSION_LIST: blanks only around the commas.
        if (afterItem == end) {
          return ranges;
        }
        if (!at(',')) {
          pos = afterItem;
          throw expected(item.follow(), "after '" + text.substring(start, afterItem) + "'");
        }
        pos++;
        skipBlanks();
        context = "after ','";
      }
    }

    /** A whole bound of {@link #between}, {@code version} written at {@code start} of text. */
    static String bound(String text, int start, String version, String side) {
      Parser parser = new Parser(text, start, start + version.length());
      parser.firstVersion("at the " + side + " bound");
      if (parser.pos < parser.end) {
        throw parser.expected(
            "the end of the " + side + " bound",
            "after '" + text.substring(start, parser.pos) + "'");
      }
      return version;
    }

    private void skipBlanks() {
      while (pos < end && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private Item item(String context) {
      if (at('=')) {
        pos++;
        String key = SpackVersion.sortKey(firstVersion("after '='"));
        return new Item(new KeyRange(key, true, key, true), "',' or the end");
      }
      String low = startsVersion() ? firstVersion(context) : null;
      String lower = low == null ? null : SpackVersion.sortKey(low);
      if (!at(':')) {
        if (low == null) {
          throw expected("a version, ':' or '='", context);
        }
        return new Item(
            new KeyRange(lower, true, SpackVersion.nextKey(low), false), "':', ',' or the end");
      }
      pos++;
      if (!startsVersion()) {
        return new Item(new KeyRange(lower, low != null, null, false), "a version, ',' or the end");
      }
      int highStart = pos;
      String high = version("after ':'");
      String upper = SpackVersion.nextKey(high);
      // Spack's ClosedOpenRange raises EmptyRangeError when _next_version(hi) < lo.
      if (lower != null && upper.compareTo(lower) < 0) {
        throw new VersionSyntaxException(
            highStart,
            String.format(
                "expected a version not below '%s' after ':', found '%s' (%s:%s is empty)",
                low, high, low, high));
      }
      return new Item(new KeyRange(lower, low != null, upper, false), "',' or the end");
    }

    /** The version an item starts with, where Spack's {@code is_git_version} would see a ref. */
    private String firstVersion(String context) {
      int start = pos;
      if (text.startsWith("git.", pos)) {
        throw gitRef(start, context);
      }
      String version = version(context);
      if (GIT_SHA.matcher(version).matches() || at('=')) {
        throw gitRef(start, context);
      }
      return version;
    }

    private VersionSyntaxException gitRef(int start, String context) {
      int stop = start;
      while (stop < end && text.charAt(stop) != ',' && !Character.isWhitespace(text.charAt(stop))) {
        stop++;
      }
      return new VersionSyntaxException(
          start,
          String.format(
              "expected a version %s, found the git ref '%s': a git version matches by its ref,"
                  + " not by version order",
              context, text.substring(start, stop)),
          true);
    }

    /** Spec syntax's VERSION: starts and ends with a letter, digit or '_', may hold '.' and '-'. */
    private String version(String context) {
      int start = pos;
      if (!startsVersion()) {
        throw expected("a version", context);
      }
      while (pos < end && (startsVersion() || at('.') || at('-'))) {
        pos++;
      }
      char last = text.charAt(pos - 1);
      if (last == '.' || last == '-') {
        throw expected("a letter, digit or '_'", "after '" + last + "'");
      }
      return text.substring(start, pos);
    }

    private boolean startsVersion() {
      if (pos >= end) {
        return false;
      }
      char c = text.charAt(pos);
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private boolean at(char c) {
      return pos < end && text.charAt(pos) == c;
    }

    private VersionSyntaxException expected(String what, String context) {
      String found = pos < end ? "'" + text.charAt(pos) + "'" : "the end";
      return new VersionSyntaxException(
          pos, "expected " + what + " " + context + ", found " + found);
    }
  }
}
