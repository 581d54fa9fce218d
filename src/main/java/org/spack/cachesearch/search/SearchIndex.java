package org.spack.cachesearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecIndex;

/**
 * The index as the API and the CLI read it: the one schema and query parser, and one {@link
 * SearcherManager} over the last commit, refreshed in the background so that a new ingest shows up
 * without a restart. Each request works on one {@link IndexView}, so everything it reads comes from
 * one generation.
 */
public final class SearchIndex implements Closeable {
  private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

  private final Path dir;
  private final Directory directory;
  private final SearcherManager manager;
  private final IndexSchema schema = new IndexSchema();
  private final Limits limits;
  private final Selector selector;
  private final ScheduledExecutorService refresher;
  private final AtomicLong searches = new AtomicLong();

  /** Shared by every view, so that what recurs across requests is what gets cached. */
  private final FilterCachingPolicy cachingPolicy = new FilterCachingPolicy();

  private final LRUQueryCache queryCache = FilterCache.create();

  /**
   * Facet ordinals as arrays for the counting passes, in an eighth of the heap: every dimension
   * that qualifies takes 19 MB at 1M specs and 91 MB at 5M (bench/OrdinalArrayBytes.java), so with
   * a 512 MB heap at 5M the dimensions asked last are counted from the doc values.
   */
  private final OrdinalArrays ordinalArrays =
      new OrdinalArrays(Runtime.getRuntime().maxMemory() / 8);

  private SearchIndex(Path dir, Limits limits, Duration refreshEvery) throws IOException {
    this.dir = dir;
    this.limits = limits;
    this.selector = new Selector(schema, limits);
    // A process-wide Lucene setting: every query is held to it.
    IndexSearcher.setMaxClauseCount(limits.maxClauses());
    this.directory = SpecIndex.forReading(dir);
    try {
      this.manager = new SearcherManager(directory, new CachingSearcherFactory());
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-refresh");
              t.setDaemon(true);
              return t;
            });
    long millis = refreshEvery.toMillis();
    refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Opens the index at {@code dir}, checking it is one of this schema version. */
  public static SearchIndex open(Path dir, Limits limits, Duration refreshEvery)
      throws IOException {
    return new SearchIndex(dir, limits, refreshEvery);
  }

  /** Picks up a newer commit, if there is one; searches in flight keep the searcher they have. */
  public void refresh() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // A commit we cannot read (another schema version, say) leaves the current one serving.
      LOG.log(Level.WARNING, "index refresh failed; still serving the previous commit", e);
    }
  }

  /** One request's view of the current generation; close it when the request is done. */
  public IndexView acquire() throws IOException {
    return new IndexView(this, (CachingSearcher) manager.acquire());
  }

  public Path dir() {
    return dir;
  }

  public Limits limits() {
    return limits;
  }

  /** Searches run since this index was opened, by every view: a counter for tests and metrics. */
  public long searchesRun() {
    return searches.get();
  }

  IndexSchema schema() {
    return schema;
  }

  Selector selector() {
    return selector;
  }

  void countSearch() {
    searches.incrementAndGet();
  }

  void release(CachingSearcher searcher) throws IOException {
    manager.release(searcher);
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }

  OrdinalArrays ordinalArrays() {
    return ordinalArrays;
  }

  FilterCachingPolicy cachingPolicy() {
    return cachingPolicy;
  }

  /** An IndexSearcher that carries the caches of its reader. */
  static final class CachingSearcher extends IndexSearcher {
    final ReaderCache cache;

    CachingSearcher(IndexReader reader, ReaderCache cache) {
      super(reader);
      this.cache = cache;
    }
  }

  private final class CachingSearcherFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      if (reader instanceof DirectoryReader dr) {
        SpecIndex.check(dir, dr.getIndexCommit());
      }
      CachingSearcher searcher =
          new CachingSearcher(reader, new ReaderCache(reader, schema.facetsConfig()));
      searcher.setQueryCache(queryCache);
      return searcher;
    }
  }
}
