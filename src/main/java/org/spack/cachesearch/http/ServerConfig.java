package org.spack.cachesearch.http;

import java.util.List;
import java.util.Objects;

/**
 * Where and how {@link ApiServer} listens.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one ({@link ApiServer#port()} tells which)
 * @param corsOrigins origins allowed to call {@code /graphql} from a browser page on another
 *     origin, e.g. {@code https://cache.spack.io}; {@code *} allows any; empty turns CORS off
 * @param maxBodyBytes the largest POST body accepted; larger ones get 413
 * @param limits concurrency, queue and timeouts
 * @param accessLog where the access log goes
 */
public record ServerConfig(
    String host,
    int port,
    List<String> corsOrigins,
    int maxBodyBytes,
    HttpLimits limits,
    AccessLog accessLog) {
  /** A body cap that fits any real query with room to spare. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    corsOrigins = List.copyOf(corsOrigins);
    if (corsOrigins.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("blank CORS origin in " + corsOrigins);
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(accessLog, "accessLog");
  }

  /** The default limits and no access log. */
  public ServerConfig(String host, int port, List<String> corsOrigins, int maxBodyBytes) {
    this(host, port, corsOrigins, maxBodyBytes, HttpLimits.DEFAULT, AccessLog.OFF);
  }

  public ServerConfig withLimits(HttpLimits newLimits) {
    return new ServerConfig(host, port, corsOrigins, maxBodyBytes, newLimits, accessLog);
  }

  public ServerConfig withAccessLog(AccessLog newAccessLog) {
    return new ServerConfig(host, port, corsOrigins, maxBodyBytes, limits, newAccessLog);
  }
}
