package org.spack.cachesearch.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the health endpoints ask the service.
 *
 * @param report a one-line report such as {@code ok: 905 specs}, or throws with the reason the
 *     service is unhealthy ({@code /health}, and {@code /health/ready} once warm)
 * @param warm whether the service is ready for traffic (its index open and a first search run)
 */
public record HealthChecks(Supplier<String> report, BooleanSupplier warm) {
  public HealthChecks {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(warm, "warm");
  }

  /** A service that is warm from the start. */
  public static HealthChecks alwaysWarm(Supplier<String> report) {
    return new HealthChecks(report, () -> true);
  }
}
