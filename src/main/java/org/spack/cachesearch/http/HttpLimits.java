package org.spack.cachesearch.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the server takes on at once and how long it waits for slow clients.
 *
 * @param maxConcurrent GraphQL requests running at once
 * @param maxQueued GraphQL requests waiting for a running one to finish; beyond these a request
 *     gets 503 with {@code Retry-After}
 * @param retryAfter how long a 503 asks the client to wait
 * @param headerTimeout time for a request line and its headers to arrive
 * @param readTimeout longest pause while a request arrives
 * @param writeTimeout longest pause while the client reads a response
 * @param idleTimeout time a connection may stay open without a request
 * @param shutdownGrace time requests in flight get to finish when the server stops
 */
public record HttpLimits(
    int maxConcurrent,
    int maxQueued,
    Duration retryAfter,
    Duration headerTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration idleTimeout,
    Duration shutdownGrace) {
  public static final HttpLimits DEFAULT =
      new HttpLimits(
          16,
          256,
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10));

  public HttpLimits {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be 1 or more: " + maxConcurrent);
    }
    if (maxQueued < 0) {
      throw new IllegalArgumentException("maxQueued must be 0 or more: " + maxQueued);
    }
    positiveMillis("retryAfter", retryAfter);
    positiveMillis("headerTimeout", headerTimeout);
    positiveMillis("readTimeout", readTimeout);
    positiveMillis("writeTimeout", writeTimeout);
    positiveMillis("idleTimeout", idleTimeout);
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace is negative: " + shutdownGrace);
    }
  }

  /** Undertow and XNIO take their timeouts as int milliseconds. */
  private static void positiveMillis(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.toMillis() < 1 || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be 1 ms to 24 days: " + value);
    }
  }

  static int millis(Duration value) {
    return (int) value.toMillis();
  }
}
