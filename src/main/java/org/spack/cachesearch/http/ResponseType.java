package org.spack.cachesearch.http;

import graphql.ExecutionResult;
import io.undertow.util.StatusCodes;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The two media types a GraphQL response can be written in, chosen from the request's {@code
 * Accept} header, and the status code each one gives a result (GraphQL over HTTP, "Status Codes").
 */
enum ResponseType {
  /** The spec's preferred type: its status code tells a request error from a partial result. */
  GRAPHQL_RESPONSE_JSON("application/graphql-response+json"),
  /** The legacy type: 200 for every well-formed request, as intermediaries may rewrite others. */
  JSON("application/json");

  private final String mediaType;

  ResponseType(String mediaType) {
    this.mediaType = mediaType;
  }

  String contentType() {
    return mediaType + "; charset=utf-8";
  }

  /**
   * 200, except that with {@code application/graphql-response+json} a result without {@code data}
   * gets 400: graphql-java leaves data out only for request errors (document that does not parse or
   * validate, unknown operation, variables that do not coerce, execution aborted before it began),
   * and the spec requires a 4xx or 5xx status for a response without {@code data}.
   */
  int status(ExecutionResult result) {
    return this == JSON || result.isDataPresent() ? StatusCodes.OK : StatusCodes.BAD_REQUEST;
  }

  /**
   * The type the client prefers, by {@code q} weight of the most specific matching range, then by
   * how specifically it names the type. On a full tie, {@code application/graphql-response+json}
   * when the client names both types, {@code application/json} when it names neither (<code>
   * *&#47;*</code>, {@code application/*}); {@code application/json} too when {@code Accept} is
   * absent or blank, as the spec asks for legacy clients. Empty when the client accepts neither.
   */
  static Optional<ResponseType> negotiate(Collection<String> acceptHeaders) {
    if (acceptHeaders.stream().allMatch(String::isBlank)) {
      return Optional.of(JSON);
    }
    List<MediaType> ranges = MediaType.parseAll(acceptHeaders);
    Match graphql = GRAPHQL_RESPONSE_JSON.match(ranges);
    Match json = JSON.match(ranges);
    if (graphql.quality() <= 0 && json.quality() <= 0) {
      return Optional.empty();
    }
    int order = Match.ORDER.compare(graphql, json);
    if (order == 0) {
      return Optional.of(graphql.specificity() == 2 ? GRAPHQL_RESPONSE_JSON : JSON);
    }
    return Optional.of(order > 0 ? GRAPHQL_RESPONSE_JSON : JSON);
  }

  /** How a type fares against the ranges: the weight and specificity of its closest range. */
  private record Match(double quality, int specificity) {
    static final Comparator<Match> ORDER =
        Comparator.comparingDouble(Match::quality).thenComparingInt(Match::specificity);
  }

  private Match match(List<MediaType> ranges) {
    return ranges.stream()
        .filter(range -> range.specificity(mediaType) >= 0)
        .max(Comparator.comparingInt(range -> range.specificity(mediaType)))
        .map(range -> new Match(range.quality(), range.specificity(mediaType)))
        .orElse(new Match(0, -1));
  }
}
