package org.spack.cachesearch.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The JVM's own metrics (memory, garbage collection, threads, classes, the process; native memory
 * when the JVM tracks it), set up by the first scrape instead of at start: setting them up starts
 * JMX and asks for a native memory summary, work that is not on the way to the first answer.
 */
public final class LazyJvmMetrics implements MultiCollector {
  // The allocation counters (jvm_memory_pool_allocated_bytes_total) count from the first scrape.
  private final PrometheusRegistry jvm = new PrometheusRegistry();
  private boolean registered;

  private LazyJvmMetrics() {}

  /** Adds the JVM's metrics to {@code registry}; they are read from the first scrape on. */
  public static void register(PrometheusRegistry registry) {
    registry.register(new LazyJvmMetrics());
  }

  @Override
  public MetricSnapshots collect() {
    return collectors().scrape();
  }

  private synchronized PrometheusRegistry collectors() {
    if (!registered) {
      JvmMetrics.builder().register(jvm);
      registered = true;
    }
    return jvm;
  }
}
