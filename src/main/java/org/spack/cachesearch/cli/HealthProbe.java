package org.spack.cachesearch.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The container's health check: exit 0 when {@code GET <url>} answers 200, else 1. Without a URL it
 * asks {@code /health/ready} of the server that {@code SPACK_SEARCH_HOST} and {@code
 * SPACK_SEARCH_PORT} configure, so the check follows the port the server was given.
 */
public final class HealthProbe {
  /** Addresses that mean "every interface": the probe asks loopback instead. */
  private static final Set<String> ANY = Set.of("0.0.0.0", "::", "[::]");

  private HealthProbe() {}

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : defaultUrl(System.getenv());
    System.exit(check(url) ? 0 : 1);
  }

  /** {@code /health/ready} on the configured host and port (127.0.0.1 and 8080 by default). */
  static String defaultUrl(Map<String, String> environment) {
    String host = environment.getOrDefault(Setting.HOST.variable(), Setting.HOST.defaultValue);
    String port = environment.getOrDefault(Setting.PORT.variable(), Setting.PORT.defaultValue);
    if (ANY.contains(host)) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port + "/health/ready";
  }

  static boolean check(String url) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
