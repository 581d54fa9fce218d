package org.spack.cachesearch.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.spack.cachesearch.search.IndexStats;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.SearchIndex;

/**
 * The served index, read at each scrape: its commit generation, the age of that commit, its specs
 * and bytes, and the searches run. An index that cannot be read leaves its gauges out.
 */
public final class IndexMetrics {
  private static final Logger LOG = Logger.getLogger(IndexMetrics.class.getName());

  private final SearchIndex index;
  private final Clock clock;

  private IndexMetrics(SearchIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  public static void register(SearchIndex index, PrometheusRegistry registry, Clock clock) {
    IndexMetrics metrics = new IndexMetrics(index, clock);
    gauge("spack_search_index_generation", "Lucene commit generation served")
        .callback(cb -> metrics.read((view, stats) -> cb.call((double) view.generation())))
        .register(registry);
    gauge("spack_search_index_age_seconds", "Seconds since the served commit was built")
        .callback(cb -> metrics.read((view, stats) -> metrics.age(stats, cb)))
        .register(registry);
    gauge("spack_search_index_documents", "Specs in the served commit")
        .callback(cb -> metrics.read((view, stats) -> cb.call((double) stats.numSpecs())))
        .register(registry);
    gauge("spack_search_index_size_bytes", "Bytes in the index directory")
        .callback(cb -> metrics.read((view, stats) -> cb.call((double) stats.indexSizeBytes())))
        .register(registry);
    CounterWithCallback.builder()
        .name("spack_search_index_searches_total")
        .help("Lucene searches run since the server started")
        .callback(cb -> cb.call((double) index.searchesRun()))
        .register(registry);
  }

  private static GaugeWithCallback.Builder gauge(String name, String help) {
    return GaugeWithCallback.builder().name(name).help(help);
  }

  /** What a gauge reads from one view. */
  private interface Reading {
    void read(IndexView view, IndexStats stats) throws IOException;
  }

  private void read(Reading reading) {
    try (IndexView view = index.acquire()) {
      reading.read(view, view.stats());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "index metrics unreadable: " + e.getMessage());
    }
  }

  private void age(IndexStats stats, GaugeWithCallback.Callback cb) {
    OffsetDateTime builtAt = stats.builtAt();
    if (builtAt != null) {
      cb.call(Duration.between(builtAt.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
  }
}
