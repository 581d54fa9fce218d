package org.spack.cachesearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecJson;

/**
 * One request's look at the index: a single generation, a deadline for all its searches, and the
 * caches of that generation. Not thread-safe beyond what IndexSearcher is; close once.
 */
public final class IndexView implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SOURCE = Set.of(IndexSchema.SOURCE);

  private final SearcherManager manager;
  private final SearchIndex.CachingSearcher shared;
  private final IndexSearcher searcher;
  private final IndexSchema schema;
  private final SearchIndex.Limits limits;

  IndexView(
      SearcherManager manager,
      SearchIndex.CachingSearcher shared,
      IndexSchema schema,
      SearchIndex.Limits limits) {
    this.manager = manager;
    this.shared = shared;
    this.schema = schema;
    this.limits = limits;
    // A searcher of its own: the timeout is per request, and IndexSearcher holds it in a field.
    this.searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setQueryCache(shared.getQueryCache());
    searcher.setTimeout(new QueryTimeoutImpl(limits.timeout().toMillis()));
  }

  IndexSearcher searcher() {
    return searcher;
  }

  IndexReader reader() {
    return searcher.getIndexReader();
  }

  IndexSchema schema() {
    return schema;
  }

  ReaderCache cache() {
    return shared.cache;
  }

  SearchIndex.Limits limits() {
    return limits;
  }

  /** The commit this view reads. */
  DirectoryReader directoryReader() {
    return (DirectoryReader) reader();
  }

  int count(Query query) {
    return run(() -> searcher.count(query));
  }

  /** Every document matching {@code query}, collected for facet counting. */
  FacetsCollector collect(Query query) {
    return run(() -> searcher.search(query, new FacetsCollectorManager()));
  }

  /** How many documents a collector saw. */
  static int total(FacetsCollector fc) {
    return fc.getMatchingDocs().stream().mapToInt(m -> m.totalHits).sum();
  }

  /** One search against this view: a deadline checked, and its failures made the user's. */
  private interface Search<T> {
    T run() throws IOException;
  }

  private <T> T run(Search<T> search) {
    try {
      T result = search.run();
      checkTimeout();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    }
  }

  /** The stored spec of a document. */
  SpecHit load(int doc) {
    try {
      BytesRef bytes =
          searcher.storedFields().document(doc, SOURCE).getBinaryValue(IndexSchema.SOURCE);
      JsonNode node = JSON.readTree(bytes.bytes, bytes.offset, bytes.length);
      return new SpecHit(
          node.get(IndexSchema.PACKAGE).asText(),
          node.get(IndexSchema.TAG).asText(),
          SpecJson.fromJson(node.get("spec")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Specs in this view's generation. */
  public int numSpecs() {
    return reader().numDocs();
  }

  void checkTimeout() {
    if (searcher.timedOut()) {
      throw new SearchException(
          SearchException.Kind.TIMEOUT,
          "the request took longer than " + limits.timeout().toMillis() + " ms; narrow the query");
    }
  }

  static SearchException tooManyClauses() {
    return new SearchException(
        SearchException.Kind.LIMIT,
        "query expands to more than "
            + IndexSearcher.getMaxClauseCount()
            + " clauses; use fewer"
            + " wildcards");
  }

  @Override
  public void close() throws IOException {
    manager.release(shared);
  }
}
