package org.spack.cachesearch.graphql;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import java.util.Optional;

/**
 * The parser's own limits on a request's document (graphql-java's {@link ParserOptions}), and the
 * message each gives when the parser cancels a parse over one.
 */
final class ParseLimits {
  private final ApiLimits limits;
  private final ParserOptions options;

  ParseLimits(ApiLimits limits) {
    this.limits = limits;
    this.options =
        ParserOptions.getDefaultOperationParserOptions()
            .transform(
                b ->
                    b.maxCharacters(limits.maxCharacters())
                        .maxTokens(limits.maxTokens())
                        .maxWhitespaceTokens(limits.maxWhitespaceTokens())
                        .maxRuleDepth(limits.maxRuleDepth()));
  }

  ParserOptions options() {
    return options;
  }

  /**
   * What limit a cancelled parse of {@code document} ran into; empty for a plain syntax error,
   * which graphql-java reports itself.
   */
  Optional<String> cancelled(InvalidSyntaxException e, String document) {
    if (e instanceof ParseCancelledTooManyCharsException) {
      return Optional.of(
          "document is "
              + document.length()
              + " characters long; the limit is "
              + limits.maxCharacters());
    }
    if (e instanceof ParseCancelledTooDeepException) {
      return Optional.of(
          "document nests deeper than "
              + limits.maxRuleDepth()
              + " grammar rules; the limit is "
              + limits.maxRuleDepth());
    }
    if (e instanceof ParseCancelledException) {
      return Optional.of(
          isWhitespace(e.getOffendingToken())
              ? "document has more than "
                  + limits.maxWhitespaceTokens()
                  + " whitespace tokens; the limit is "
                  + limits.maxWhitespaceTokens()
              : "document has more than "
                  + limits.maxTokens()
                  + " tokens; the limit is "
                  + limits.maxTokens());
    }
    return Optional.empty();
  }

  /**
   * The token that went over a count: GraphQL's ignored tokens are each one space, tab, line end,
   * comma or byte-order mark, counted apart from every other token (comments included).
   */
  private static boolean isWhitespace(String token) {
    return token != null
        && token.length() == 1
        && " \t\n\r,\u2028\u2029\ufeff".indexOf(token.charAt(0)) >= 0;
  }
}
