package org.spack.cachesearch.search;

import java.util.Comparator;

/** A facet value and the number of specs with it. */
public record ValueCount(String value, int count) {
  /** Most frequent first, then by value. */
  static final Comparator<ValueCount> BY_COUNT =
      Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value);
}
