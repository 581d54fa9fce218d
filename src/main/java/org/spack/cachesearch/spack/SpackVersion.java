package org.spack.cachesearch.spack;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spack's version order, as a key that sorts byte-wise: numbers compare as numbers ({@code 3.10}
 * after {@code 3.9}), a version sorts before its extensions ({@code 1.2 < 1.2.1}), words sort
 * before numbers ({@code 1.2a < 1.2.0}), a trailing alpha, beta or rc makes a prerelease of the
 * version before it ({@code 1.2rc1 < 1.2}), and Spack's "infinity" names sort after every number,
 * {@code develop} highest.
 */
public final class SpackVersion {
  /** Spack's infinity versions, lowest first (spack/version: {@code infinity_versions}). */
  private static final List<String> INFINITY =
      List.of("stable", "nightly", "trunk", "head", "master", "main", "develop");

  /** Spack's prerelease words, lowest first; a release without one ranks as {@code final}. */
  private static final List<String> PRERELEASE = List.of("alpha", "beta", "rc", "final");

  private static final char FINAL = (char) ('0' + PRERELEASE.indexOf("final"));

  /** Ends the release part of a key: below {@link #SEPARATOR}, so 1.2 (any prerelease) < 1.2.0. */
  private static final char RELEASE_END = '\u0000';

  private static final char SEPARATOR = '\u0001';
  private static final char WORD = 'b';
  private static final char NUMBER = 'c';
  private static final char INFINITE = 'd';

  /** Newest first in Spack's order, then by text for versions with equal keys. */
  public static final Comparator<String> NEWEST_FIRST =
      Comparator.comparing(SpackVersion::sortKey)
          .reversed()
          .thenComparing(Comparator.naturalOrder());

  private SpackVersion() {}

  /** A key whose byte order (and String order: it is ASCII but for the words) is Spack's. */
  public static String sortKey(String version) {
    return parse(version).key();
  }

  public static byte[] sortKeyBytes(String version) {
    return sortKey(version).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The key of the version Spack puts right after {@code version} when it closes a range (its
   * {@code _next_version}): {@code @:1.4} is every key below {@code nextKey("1.4")}, the key of
   * 1.5, so it holds 1.4.7 but not 1.5.
   */
  public static String nextKey(String version) {
    Parsed v = parse(version);
    if (v.rank() != FINAL) {
      String number = v.number() == null ? "0" : increment(v.number());
      return new Parsed(v.release(), v.rank(), number).key();
    }
    List<String> release = new ArrayList<>(v.release());
    if (release.isEmpty()) {
      release.add(WORD + "A");
    } else {
      release.set(release.size() - 1, next(release.get(release.size() - 1)));
    }
    return new Parsed(release, v.rank(), v.number()).key();
  }

  /** A version as Spack reads it: encoded release components, prerelease rank and number. */
  private record Parsed(List<String> release, char rank, String number) {
    String key() {
      StringBuilder key = new StringBuilder(32);
      key.append(String.join(String.valueOf(SEPARATOR), release)).append(RELEASE_END).append(rank);
      return number == null
          ? key.toString()
          : key.append(SEPARATOR).append(encodeNumber(number)).toString();
    }
  }

  private static Parsed parse(String version) {
    List<String> release = components(version);
    // As Spack parses it: <release>(alpha|beta|rc|final)[<number>] compares by release first.
    int n = release.size();
    char rank = FINAL;
    String number = null;
    if (n >= 3 && PRERELEASE.contains(release.get(n - 2)) && isNumber(release.get(n - 1))) {
      rank = rank(release.get(n - 2));
      number = release.get(n - 1);
      release = release.subList(0, n - 2);
    } else if (n >= 2 && PRERELEASE.contains(release.get(n - 1))) {
      rank = rank(release.get(n - 1));
      release = release.subList(0, n - 1);
    }
    return new Parsed(release.stream().map(SpackVersion::encode).toList(), rank, number);
  }

  private static String encode(String component) {
    int infinity = INFINITY.indexOf(component);
    if (infinity >= 0) {
      return INFINITE + String.valueOf((char) ('0' + infinity));
    }
    return isNumber(component) ? encodeNumber(component) : WORD + component;
  }

  /** The next encoded component, as Spack's {@code _next_version} steps the last one. */
  private static String next(String encoded) {
    String value = encoded.substring(1);
    return switch (encoded.charAt(0)) {
      case NUMBER -> encodeNumber(increment(value.substring(1)));
      case INFINITE -> INFINITE + String.valueOf((char) (value.charAt(0) + 1));
      default -> WORD + nextWord(value);
    };
  }

  /** Spack's {@code _next_str} over A-Z a-z, skipping words that would read as infinity. */
  private static String nextWord(String word) {
    String next = word;
    do {
      char last = next.isEmpty() ? 'z' : next.charAt(next.length() - 1);
      String stem = next.isEmpty() ? "" : next.substring(0, next.length() - 1);
      next = last == 'z' ? next + "A" : stem + (last == 'Z' ? 'a' : (char) (last + 1));
    } while (INFINITY.contains(next));
    return next;
  }

  private static boolean isNumber(String component) {
    return Character.isDigit(component.charAt(0));
  }

  private static String increment(String digits) {
    return new BigInteger(digits).add(BigInteger.ONE).toString();
  }

  private static String encodeNumber(String component) {
    String digits = stripZeros(component);
    // Length first, so that 10 sorts after 9 byte-wise.
    return NUMBER + String.valueOf((char) ('0' + Math.min(digits.length(), 70))) + digits;
  }

  private static char rank(String prerelease) {
    return (char) ('0' + PRERELEASE.indexOf(prerelease));
  }

  /** Splits at {@code . - _} and between digits and letters: 1.2a3 is 1, 2, a, 3. */
  static List<String> components(String version) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= version.length(); i++) {
      boolean end = i == version.length();
      char c = end ? '.' : version.charAt(i);
      boolean separator = c == '.' || c == '-' || c == '_';
      if (start >= 0
          && (separator
              || end
              || Character.isDigit(c) != Character.isDigit(version.charAt(start)))) {
        out.add(version.substring(start, i));
        start = -1;
      }
      if (!separator && start < 0 && !end) {
        start = i;
      }
    }
    return out;
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
