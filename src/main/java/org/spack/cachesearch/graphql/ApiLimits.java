package org.spack.cachesearch.graphql;

/**
 * Every bound the GraphQL layer holds a request's document to, before the index sees it; the
 * index's own bounds are {@link org.spack.cachesearch.search.Limits}.
 *
 * @param maxCharacters longest document, in characters (default 100,000)
 * @param maxTokens most grammar tokens in a document: names, punctuation, values (default 15,000);
 *     comments are counted apart, against the same limit
 * @param maxWhitespaceTokens most whitespace and comma tokens in a document (default 50,000)
 * @param maxRuleDepth deepest nesting of the parser's grammar rules: selections, lists, objects
 *     (default 100; a query 15 fields deep takes 50, GraphiQL's introspection query 29)
 * @param maxAliases most aliased fields in a document (default 100)
 * @param maxRootFields most fields an operation selects at its root, fragments expanded (default
 *     20)
 * @param maxDepth deepest field nesting of the operation run (default 15; GraphiQL's introspection
 *     query is 13 deep)
 * @param maxCost highest cost of the operation run (default 20,000; see {@link CostCalculator}: 100
 *     specs of 40 fields pass)
 */
public record ApiLimits(
    int maxCharacters,
    int maxTokens,
    int maxWhitespaceTokens,
    int maxRuleDepth,
    int maxAliases,
    int maxRootFields,
    int maxDepth,
    int maxCost) {
  public static final ApiLimits DEFAULT =
      new ApiLimits(100_000, 15_000, 50_000, 100, 100, 20, 15, 20_000);

  public ApiLimits {
    positive("maxCharacters", maxCharacters);
    positive("maxTokens", maxTokens);
    positive("maxWhitespaceTokens", maxWhitespaceTokens);
    positive("maxRuleDepth", maxRuleDepth);
    positive("maxAliases", maxAliases);
    positive("maxRootFields", maxRootFields);
    positive("maxDepth", maxDepth);
    positive("maxCost", maxCost);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
