package org.spack.cachesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.Requests.FacetRequest;
import org.spack.cachesearch.search.Requests.PackageRequest;
import org.spack.cachesearch.search.Requests.SpecRequest;

/**
 * The entrance to the index for one request: every question the API and the CLI ask, answered from
 * a single index generation, with one deadline for all its searches. Takes request records, returns
 * result records. Not thread-safe beyond what IndexSearcher is; close once.
 */
public final class IndexView implements AutoCloseable {
  private final SearchIndex index;
  private final SearchIndex.CachingSearcher shared;
  private final IndexSearcher searcher;
  private final HashLookup hashes = new HashLookup();

  IndexView(SearchIndex index, SearchIndex.CachingSearcher shared) {
    this.index = index;
    this.shared = shared;
    // A searcher of its own: the timeout is per request, and IndexSearcher holds it in a field.
    this.searcher = new IndexSearcher(shared.getIndexReader());
    searcher.setQueryCache(shared.getQueryCache());
    searcher.setQueryCachingPolicy(index.cachingPolicy());
    searcher.setTimeout(new QueryTimeoutImpl(index.limits().timeout().toMillis()));
  }

  /** A page of specs. */
  public ResultPage<SpecHit> search(SpecRequest request) {
    return SpecSearch.search(this, request);
  }

  /** Value counts, multi-select: each field's counts ignore its own filter. */
  public List<FacetCounts> facets(FacetRequest request) {
    return FacetCounter.count(this, request);
  }

  /** One row per (package, tag) with matching specs, a page at a time. */
  public ResultPage<PackageSummary> packages(PackageRequest request) {
    return Packages.rows(this, request);
  }

  /** One package in one tag, or empty when the tag has no spec of it. */
  public Optional<PackageSummary> packageByName(String name, String tag) {
    return Packages.get(this, name, tag);
  }

  /**
   * The spec with this hash or the one hash with this prefix. In several tags: {@code tag} chooses,
   * else {@code develop}, else the last tag by name.
   */
  public Optional<SpecHit> spec(String hash, String tag) {
    return SpecSearch.byHash(this, hash, tag);
  }

  /**
   * Every tag holding this exact hash, by name. The hashes of every spec this view has returned
   * (and of their dependencies) are looked up together, in one search, the first time one is asked
   * for.
   */
  public List<String> tagsOf(String hash) {
    return hashes.tagsOf(this, hash);
  }

  /**
   * The spec of a dependency when the index holds its hash: in {@code tag} (the dependent's), else
   * {@code develop}, else the last tag by name. Looked up with every other hash of the view.
   */
  public Optional<SpecHit> specOf(String hash, String tag) {
    return hashes.docOf(this, hash, tag).map(this::load);
  }

  /** The Lucene query a selection becomes, as Lucene prints it: how the API read a request. */
  public String explain(Selection selection) {
    return selector().query(selection).toString();
  }

  /** Every tag with its counts, by name. */
  public List<TagSummary> tags() {
    return IndexSummary.tags(this);
  }

  /** Size and provenance. */
  public IndexStats stats() {
    return IndexSummary.stats(this);
  }

  /** Specs in this generation. */
  public int numSpecs() {
    return searcher.getIndexReader().numDocs();
  }

  /** The generation of this view's commit: it grows with every commit of the index. */
  public long generation() throws IOException {
    return reader().getIndexCommit().getGeneration();
  }

  IndexSearcher searcher() {
    return searcher;
  }

  DirectoryReader reader() {
    return (DirectoryReader) searcher.getIndexReader();
  }

  /** The segments' facet ordinals as arrays, shared by every generation. */
  OrdinalArrays ordinalArrays() {
    return index.ordinalArrays();
  }

  ReaderCache cache() {
    return shared.cache;
  }

  Limits limits() {
    return index.limits();
  }

  Selector selector() {
    return index.selector();
  }

  /**
   * The number of matches when every segment knows it without visiting them ({@link Weight#count}:
   * a term without deletions, match-all); null when a search must count them.
   */
  Integer quickCount(Query query) {
    return run(
        () -> {
          Weight weight =
              searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
          int total = 0;
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int count = weight.count(leaf);
            if (count < 0) {
              return null;
            }
            total += count;
          }
          return total;
        });
  }

  /** One search against this view. */
  interface Search<T> {
    T run() throws IOException;
  }

  /**
   * Runs every search of the view: counted, held to the view's deadline (past it, a search returns
   * what it found and the view is {@link #partial()}), its failures the user's.
   */
  <T> T run(Search<T> search) {
    index.countSearch();
    try {
      return search.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FuzzyTermsEnum.FuzzyTermsException e) {
      // Within the length limit Lucene builds every fuzzy automaton we measured; not a crash if
      // not.
      throw new SearchException(
          SearchException.Kind.LIMIT, "a fuzzy term is too complex to search; shorten it");
    } catch (IndexSearcher.TooManyClauses e) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "query expands to more than "
              + IndexSearcher.getMaxClauseCount()
              + " clauses; use fewer wildcards");
    }
  }

  /** Not thread-safe, hence {@link #load} is synchronized; made on first use. */
  private StoredFields storedFields;

  /** The stored spec of a document. */
  synchronized SpecHit load(int doc) {
    try {
      if (storedFields == null) {
        // One per view: each call of storedFields() clones every segment's reader.
        storedFields = searcher.storedFields();
      }
      SpecHit hit = index.schema().load(storedFields, doc);
      hashes.loaded(hit);
      return hit;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True once a search of this view has run past the time limit and stopped early: every answer
   * since may be missing matches (counts too low, pages short).
   */
  public boolean partial() {
    return searcher.timedOut();
  }

  /** An answer that depends only on the generation, cached unless this view's was partial. */
  <T> T memo(String key, Supplier<T> compute) {
    return shared.cache.memo(key, compute, () -> !partial());
  }

  @Override
  public void close() throws IOException {
    index.release(shared);
  }
}
