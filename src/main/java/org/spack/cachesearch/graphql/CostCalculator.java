package org.spack.cachesearch.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * A query's cost: one per field, and a list field asked for with {@code first} or {@code limit}
 * costs its children that many times, so nested pages multiply as their results would.
 */
final class CostCalculator implements FieldComplexityCalculator {
  @Override
  public int calculate(FieldComplexityEnvironment env, int childComplexity) {
    Object first = env.getArguments().get("first");
    if (first == null) {
      first = env.getArguments().get("limit");
    }
    int times = first instanceof Number n ? Math.max(1, n.intValue()) : 1;
    long cost = 1L + (long) times * childComplexity;
    return (int) Math.min(cost, Integer.MAX_VALUE);
  }
}
