package org.spack.cachesearch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The JVM's metrics, set up by the first scrape, as Prometheus reads them. */
class LazyJvmMetricsTest {
  /** A few of the families JvmMetrics registers, one from each of its kinds. */
  private static final List<String> SOME_JVM_FAMILIES =
      List.of(
          "# TYPE jvm_classes_currently_loaded gauge",
          "# TYPE jvm_memory_used_bytes gauge",
          "# TYPE jvm_runtime_info gauge",
          "# TYPE jvm_threads_current gauge",
          "# TYPE process_cpu_seconds_total counter");

  private static String scrape(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(text, registry.scrape());
    return text.toString(StandardCharsets.UTF_8);
  }

  /** The lines of {@code SOME_JVM_FAMILIES} in the scrape, as often as they occur. */
  private static List<String> jvmFamilies(String scrape) {
    return scrape.lines().filter(SOME_JVM_FAMILIES::contains).toList();
  }

  @Test
  void theFirstScrapeListsTheJvmMetrics() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    LazyJvmMetrics.register(registry);

    String text = scrape(registry);
    assertEquals(SOME_JVM_FAMILIES, jvmFamilies(text));
    assertEquals(
        1, text.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\"} ")).count());
  }

  @Test
  void laterScrapesListThemOnceEach() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    LazyJvmMetrics.register(registry);

    scrape(registry);
    assertEquals(SOME_JVM_FAMILIES, jvmFamilies(scrape(registry)));
  }

  @Test
  void twoFirstScrapesAtOnceBothListThem() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    LazyJvmMetrics.register(registry);
    Callable<String> scrape = () -> scrape(registry);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> both = pool.invokeAll(List.of(scrape, scrape));
      assertEquals(SOME_JVM_FAMILIES, jvmFamilies(both.get(0).get()));
      assertEquals(SOME_JVM_FAMILIES, jvmFamilies(both.get(1).get()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theyStandBesideTheServicesOwnMetrics() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    LazyJvmMetrics.register(registry);
    new IngestMetrics(registry);

    String text = scrape(registry);
    assertEquals(SOME_JVM_FAMILIES, jvmFamilies(text));
    assertEquals(
        List.of("spack_search_ingest_runs_total 0.0"),
        text.lines().filter(l -> l.startsWith("spack_search_ingest_runs_total")).toList());
  }
}
