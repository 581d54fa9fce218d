package org.spack.cachesearch.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.spack.cachesearch.index.IngestSummary;

/** What the ingests run by this process did: pages and specs indexed, errors and warnings. */
public final class IngestMetrics {
  private final Counter runs;
  private final Counter pages;
  private final Counter specs;
  private final Counter errors;
  private final Counter warnings;

  public IngestMetrics(PrometheusRegistry registry) {
    runs = counter(registry, "spack_search_ingest_runs_total", "Ingests run by this process");
    pages = counter(registry, "spack_search_ingest_pages_total", "Pages indexed");
    specs = counter(registry, "spack_search_ingest_specs_total", "Specs indexed");
    errors = counter(registry, "spack_search_ingest_errors_total", "Errors in pages and indexes");
    warnings = counter(registry, "spack_search_ingest_warnings_total", "Warnings");
  }

  private static Counter counter(PrometheusRegistry registry, String name, String help) {
    return Counter.builder().name(name).help(help).withoutExemplars().register(registry);
  }

  public void add(IngestSummary summary) {
    runs.inc();
    pages.inc(summary.pages());
    specs.inc(summary.specs());
    errors.inc(summary.errors());
    warnings.inc(summary.warnings());
  }
}
