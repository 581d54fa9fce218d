package org.spack.cachesearch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spack's version order, as a key that sorts byte-wise: numbers compare as numbers ({@code 3.10}
 * after {@code 3.9}), a version sorts before its extensions ({@code 1.2 < 1.2.1}), words sort
 * before numbers ({@code 1.2a < 1.2.0}), and Spack's "infinity" names sort after every number,
 * {@code develop} highest.
 */
public final class SpackVersion {
  /** Spack's infinity versions, lowest first (spack/version: {@code infinity_versions}). */
  private static final List<String> INFINITY =
      List.of("stable", "trunk", "head", "master", "main", "develop");

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
    StringBuilder key = new StringBuilder(version.length() * 2);
    for (String component : components(version)) {
      if (key.length() > 0) {
        key.append(SEPARATOR);
      }
      int infinity = INFINITY.indexOf(component);
      if (infinity >= 0) {
        key.append(INFINITE).append((char) ('0' + infinity));
      } else if (Character.isDigit(component.charAt(0))) {
        String digits = stripZeros(component);
        // Length first, so that 10 sorts after 9 byte-wise.
        key.append(NUMBER).append((char) ('0' + Math.min(digits.length(), 70))).append(digits);
      } else {
        key.append(WORD).append(component);
      }
    }
    return key.toString();
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
