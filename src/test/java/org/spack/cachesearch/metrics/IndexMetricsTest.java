package org.spack.cachesearch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

/** The served index and the ingests of this process, as Prometheus reads them. */
class IndexMetricsTest {
  private static final Path SAMPLE = Path.of("src/main/resources/sample");

  @TempDir static Path tmp;
  private static IngestSummary firstIngest;

  @BeforeAll
  static void ingestTheSample() throws IOException {
    firstIngest = ingest(tmp.resolve("index"));
  }

  private static IngestSummary ingest(Path index) throws IOException {
    return new IngestRun(IngestRun.Options.of(List.of(SAMPLE), index), IngestProgress.NONE).run();
  }

  /** The lines of the scrape that start with {@code prefix}, one per line. */
  private static String scrape(PrometheusRegistry registry, String prefix) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(text, registry.scrape());
    return text.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l + "\n")
        .reduce("", String::concat);
  }

  @Test
  void showsTheServedGenerationItsAgeSpecsAndSearches() throws IOException {
    Path dir = tmp.resolve("index");
    try (SearchIndex index = SearchIndex.open(dir, Limits.DEFAULT, Duration.ofHours(1))) {
      Instant builtAt;
      try (IndexView view = index.acquire()) {
        builtAt = view.stats().builtAt().toInstant();
      }
      PrometheusRegistry registry = new PrometheusRegistry();
      Clock ninetySecondsLater = Clock.fixed(builtAt.plusSeconds(90), ZoneOffset.UTC);
      IndexMetrics.register(index, registry, ninetySecondsLater);

      assertEquals(
          """
          spack_search_index_age_seconds 90.0
          spack_search_index_documents 905.0
          spack_search_index_generation 1.0
          spack_search_index_searches_total 0.0
          """,
          scrape(registry, "spack_search_index_").replaceAll("spack_search_index_size.*\n", ""));

      ingest(dir);
      index.refresh();
      assertEquals(
          "spack_search_index_generation 2.0\n", scrape(registry, "spack_search_index_generation"));
    }
  }

  @Test
  void countsWhatTheIngestsOfThisProcessDid() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    new IngestMetrics(registry).add(firstIngest);

    assertEquals(
        """
        spack_search_ingest_errors_total 0.0
        spack_search_ingest_pages_total 73.0
        spack_search_ingest_runs_total 1.0
        spack_search_ingest_specs_total 905.0
        spack_search_ingest_warnings_total 0.0
        """,
        scrape(registry, "spack_search_ingest_"));
  }
}
