package org.spack.cachesearch.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The kinds of value a {@link Setting} takes: how each is read, checked and shown. */
enum Kind {
  TEXT("TEXT"),
  LIST("LIST"),
  PORT("PORT"),
  COUNT("N"),
  COUNT_OR_ZERO("N"),
  SECONDS("SECONDS"),
  SECONDS_OR_ZERO("SECONDS");

  final String label;

  Kind(String label) {
    this.label = label;
  }

  /**
   * The value of {@code text}: a String, a List of Strings, an Integer or a Duration.
   *
   * @throws IllegalArgumentException saying what the value must be
   */
  Object parse(String text) {
    return switch (this) {
      case TEXT -> text;
      case LIST ->
          Arrays.stream(text.split(",", -1)).map(String::trim).filter(s -> !s.isEmpty()).toList();
      case PORT -> whole(text, 0, 65_535);
      case COUNT -> whole(text, 1, Integer.MAX_VALUE);
      case COUNT_OR_ZERO -> whole(text, 0, Integer.MAX_VALUE);
      case SECONDS -> seconds(text, false);
      case SECONDS_OR_ZERO -> seconds(text, true);
    };
  }

  /** How a default is shown: seconds as a plain number, lists comma-separated. */
  String format(Object value) {
    if (value instanceof Duration d) {
      return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }

  private static int whole(String text, int min, int max) {
    String must =
        max == Integer.MAX_VALUE
            ? "a whole number of " + min + " or more"
            : "a whole number from " + min + " to " + max;
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("must be " + must);
  }

  private static Duration seconds(String text, boolean zeroAllowed) {
    String must = zeroAllowed ? "0 or more seconds" : "more than 0 seconds";
    try {
      BigDecimal seconds = new BigDecimal(text.trim());
      // Whole milliseconds, at most 24 days: what Undertow's int timeouts hold.
      if (seconds.signum() >= (zeroAllowed ? 0 : 1)
          && seconds.compareTo(BigDecimal.valueOf(2_000_000)) <= 0
          && seconds.movePointRight(3).stripTrailingZeros().scale() <= 0) {
        return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // said below
    }
    throw new IllegalArgumentException("must be " + must + " (up to 2000000, in steps of 0.001)");
  }
}
