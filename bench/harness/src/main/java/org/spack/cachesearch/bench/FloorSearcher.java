package org.spack.cachesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The floor's reading side, plain Lucene: one searcher over the last commit (default query cache,
 * as ours), the shared facet field's ordinal state built once at open, and the few steps every
 * query of the mix is made of.
 */
final class FloorSearcher implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SOURCE_ONLY = Set.of(FloorSchema.SOURCE);

  /** Count descending, then value: ours' order, and Lucene's for equal counts. */
  static final Comparator<Answer.Count> ORDER =
      Comparator.comparingInt(Answer.Count::count).reversed().thenComparing(Answer.Count::value);

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final FacetsConfig config = FloorSchema.facetsConfig();
  private final SortedSetDocValuesReaderState state;

  FloorSearcher(Path dir) throws IOException {
    this.directory = FSDirectory.open(dir);
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
  }

  IndexSearcher searcher() {
    return searcher;
  }

  DrillSideways sideways() {
    return new DrillSideways(searcher, config, state);
  }

  FacetsConfig config() {
    return config;
  }

  /** The top {@code n} by {@code sort}, with the exact number of matches. */
  TopFieldDocs top(Query query, int n, Sort sort) throws IOException {
    return searcher.search(query, new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE));
  }

  /** The top {@code n} by {@code sort} with the exact total, and the facet counts. */
  record Collected(TopFieldDocs top, Facets facets) {}

  /** The top hits and the counts of every dimension, in one pass over the matches. */
  Collected topAndFacets(Query query, int n, Sort sort) throws IOException {
    Object[] r =
        searcher.search(
            query,
            new MultiCollectorManager(
                new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE),
                new FacetsCollectorManager()));
    return new Collected((TopFieldDocs) r[0], counts((FacetsCollector) r[1]));
  }

  /** Counts of every dimension over the matches of {@code query}. */
  Facets counts(Query query) throws IOException {
    return counts(searcher.search(query, new FacetsCollectorManager()));
  }

  Facets counts(FacetsCollector fc) throws IOException {
    return new SortedSetDocValuesFacetCounts(state, fc);
  }

  /** Counts of every dimension over every document. */
  Facets countsOfAll() throws IOException {
    return new SortedSetDocValuesFacetCounts(state);
  }

  /** The top {@code n} values of {@code dim}; empty when no match has one. */
  static Answer.Facet top(Facets facets, String dim, int n) throws IOException {
    FacetResult r = facets.getTopChildren(n, dim);
    if (r == null) {
      return new Answer.Facet(dim, List.of(), 0);
    }
    List<Answer.Count> values = new ArrayList<>();
    for (LabelAndValue lv : r.labelValues) {
      values.add(new Answer.Count(lv.label, lv.value.intValue()));
    }
    return new Answer.Facet(dim, values, r.childCount - values.size());
  }

  /** Every value of {@code dim} that {@code keep} accepts, by count then value. */
  static Answer.Facet all(Facets facets, String dim, Predicate<String> keep) throws IOException {
    FacetResult r = facets.getAllChildren(dim);
    List<Answer.Count> values = new ArrayList<>();
    if (r != null) {
      for (LabelAndValue lv : r.labelValues) {
        if (keep.test(lv.label)) {
          values.add(new Answer.Count(lv.label, lv.value.intValue()));
        }
      }
    }
    values.sort(ORDER);
    return new Answer.Facet(dim, values, 0);
  }

  /** The hits' stored specs, each read whole, as {@code tag/hash}. */
  List<String> load(ScoreDoc[] hits) throws IOException {
    StoredFields fields = searcher.storedFields();
    List<String> ids = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      ids.add(load(fields, hit.doc));
    }
    return ids;
  }

  String load(StoredFields fields, int doc) throws IOException {
    BytesRef b = fields.document(doc, SOURCE_ONLY).getBinaryValue(FloorSchema.SOURCE);
    JsonNode spec = JSON.readTree(b.bytes, b.offset, b.length);
    return spec.get("tag").asText() + "/" + spec.get("spec").get("hash").asText();
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }

  /** A step of a query; I/O failures are the benchmark's end. */
  interface Step<T> {
    T run() throws IOException;
  }

  static <T> T unchecked(Step<T> step) {
    try {
      return step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
