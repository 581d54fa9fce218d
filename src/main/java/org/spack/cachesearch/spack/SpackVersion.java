package org.spack.cachesearch.spack;

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
    List<String> release = components(version);
    // As Spack parses it: <release>(alpha|beta|rc|final)[<number>] compares by release first.
    int n = release.size();
    String prerelease = rank("final");
    if (n >= 3 && PRERELEASE.contains(release.get(n - 2)) && isNumber(release.get(n - 1))) {
      prerelease = rank(release.get(n - 2)) + SEPARATOR + number(release.get(n - 1));
      release = release.subList(0, n - 2);
    } else if (n >= 2 && PRERELEASE.contains(release.get(n - 1))) {
      prerelease = rank(release.get(n - 1));
      release = release.subList(0, n - 1);
    }
    StringBuilder key = new StringBuilder(version.length() * 2 + 4);
    for (String component : release) {
      if (key.length() > 0) {
        key.append(SEPARATOR);
      }
      int infinity = INFINITY.indexOf(component);
      if (infinity >= 0) {
        key.append(INFINITE).append((char) ('0' + infinity));
      } else if (isNumber(component)) {
        key.append(number(component));
      } else {
        key.append(WORD).append(component);
      }
    }
    return key.append(RELEASE_END).append(prerelease).toString();
  }

  private static boolean isNumber(String component) {
    return Character.isDigit(component.charAt(0));
  }

  private static String number(String component) {
    String digits = stripZeros(component);
    // Length first, so that 10 sorts after 9 byte-wise.
    return NUMBER + String.valueOf((char) ('0' + Math.min(digits.length(), 70))) + digits;
  }

  private static String rank(String prerelease) {
    return String.valueOf((char) ('0' + PRERELEASE.indexOf(prerelease)));
  }

  public static byte[] sortKeyBytes(String version) {
    return sortKey(version).getBytes(StandardCharsets.UTF_8);
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
