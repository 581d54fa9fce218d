package org.spack.cachesearch.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import java.util.List;
import java.util.Map;

/**
 * A query's cost: one per field, and a list field asked for with {@code first} or {@code limit}
 * costs its children that many times (facets: times the fields counted), so nested pages multiply
 * as their results would. A {@code first} or {@code limit} over its cap counts as the cap: the
 * field's range check then refuses it with a message that names that argument.
 */
final class CostCalculator implements FieldComplexityCalculator {
  private final int maxFirst;
  private final int maxLimit;

  /**
   * @param maxFirst the cap on {@code first}
   * @param maxLimit the cap on a facet's {@code limit}
   */
  CostCalculator(int maxFirst, int maxLimit) {
    this.maxFirst = maxFirst;
    this.maxLimit = maxLimit;
  }

  @Override
  public int calculate(FieldComplexityEnvironment env, int childComplexity) {
    Map<String, Object> arguments = env.getArguments();
    long times = 1;
    if (arguments.get("first") instanceof Number first) {
      times = clamp(first, maxFirst);
    } else if (arguments.get("limit") instanceof Number limit) {
      times = clamp(limit, maxLimit);
      if (arguments.get("fields") instanceof List<?> fields) {
        times *= Math.max(1, fields.size());
      }
    }
    long cost = 1L + times * childComplexity;
    return (int) Math.min(cost, Integer.MAX_VALUE);
  }

  private static long clamp(Number n, int max) {
    return Math.max(1, Math.min(n.longValue(), max));
  }
}
