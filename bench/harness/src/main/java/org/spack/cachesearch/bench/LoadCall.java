package org.spack.cachesearch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One kind of request of a load, built once and sent many times: as the JDK client's request and as
 * the bytes of an HTTP/1.1 request, with whether its answer is GraphQL's (checked for errors).
 */
record LoadCall(String title, HttpRequest request, byte[] wire, boolean graphql) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  LoadCall {
    wire = wire.clone();
  }

  /** A POST of one GraphQL document. */
  static LoadCall post(URI graphql, String title, String query) {
    byte[] body = json(query);
    HttpRequest request =
        HttpRequest.newBuilder(graphql)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String head =
        "POST "
            + graphql.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + graphql.getAuthority()
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    return new LoadCall(title, request, concat(head, body), true);
  }

  /** A GET of a plain answer, such as /health. */
  static LoadCall get(URI uri, String title) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    String head =
        "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n";
    return new LoadCall(title, request, head.getBytes(StandardCharsets.US_ASCII), false);
  }

  static byte[] json(String query) {
    try {
      return JSON.writeValueAsBytes(Map.of("query", query));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
