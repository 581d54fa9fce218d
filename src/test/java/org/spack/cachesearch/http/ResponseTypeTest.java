package org.spack.cachesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spack.cachesearch.http.ResponseType.GRAPHQL_RESPONSE_JSON;
import static org.spack.cachesearch.http.ResponseType.JSON;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing the response media type from {@code Accept} headers. */
class ResponseTypeTest {
  private static Optional<ResponseType> negotiate(String... accept) {
    return ResponseType.negotiate(List.of(accept));
  }

  @Test
  void noAcceptHeaderMeansApplicationJsonAsForLegacyClients() {
    assertEquals(Optional.of(JSON), negotiate());
    assertEquals(Optional.of(JSON), negotiate(" "));
  }

  @Test
  void wildcardsMeanApplicationJson() {
    assertEquals(Optional.of(JSON), negotiate("*/*"));
    assertEquals(Optional.of(JSON), negotiate("application/*"));
    assertEquals(Optional.of(JSON), negotiate("text/html, */*;q=0.8"));
  }

  @Test
  void aTypeNamedBesideAWildcardOfEqualWeightWins() {
    assertEquals(
        Optional.of(GRAPHQL_RESPONSE_JSON), negotiate("application/graphql-response+json, */*"));
    assertEquals(Optional.of(JSON), negotiate("application/json, application/*"));
  }

  @Test
  void equalWeightsPreferGraphqlResponseJsonWhateverTheOrder() {
    assertEquals(
        Optional.of(GRAPHQL_RESPONSE_JSON),
        negotiate("application/json, application/graphql-response+json"));
  }

  @Test
  void higherWeightWins() {
    assertEquals(
        Optional.of(JSON), negotiate("application/graphql-response+json;q=0.9, application/json"));
    assertEquals(Optional.of(JSON), negotiate("application/json;q=0.2, */*;q=0.1"));
  }

  @Test
  void theMostSpecificRangeSetsTheWeight() {
    assertEquals(
        Optional.of(JSON), negotiate("application/graphql-response+json;q=0, application/*"));
  }

  @Test
  void acceptHeadersAreCombinedAndCaseInsensitive() {
    assertEquals(Optional.of(JSON), negotiate("text/html", "Application/JSON; Charset=UTF-8"));
  }

  @Test
  void neitherTypeAcceptedIsEmpty() {
    assertEquals(Optional.empty(), negotiate("text/html"));
    assertEquals(Optional.empty(), negotiate("application/json;q=0"));
    assertEquals(Optional.empty(), negotiate("garbage"));
    assertEquals(Optional.empty(), negotiate("application/json;q=high"));
  }
}
