package org.spack.cachesearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against a running {@link ApiServer}, answers kept as bytes. */
final class TestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  TestClient(ApiServer server) {
    this.base = URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  URI uri(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request = request(pathAndQuery).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** POSTs {@code body} as {@code application/json}, with any extra headers. */
  HttpResponse<byte[]> postJson(String body, String... headers) {
    HttpRequest.Builder request =
        request("graphql")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** {@code graphql?name=value&...} with form encoding, as URLSearchParams writes it. */
  static String graphqlQueryString(String... namesAndValues) {
    StringBuilder url = new StringBuilder("graphql");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      url.append(i == 0 ? '?' : '&')
          .append(namesAndValues[i])
          .append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    return json(text(response));
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse(null);
  }
}
