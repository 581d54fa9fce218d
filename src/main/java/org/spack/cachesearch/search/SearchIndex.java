package org.spack.cachesearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecIndex;

/**
 * The index as the API reads it: one {@link SearcherManager} over the last commit, refreshed in the
 * background so that a new ingest shows up without a restart. Each request works on one {@link
 * IndexView}, so everything it reads comes from one generation.
 */
public final class SearchIndex implements Closeable {
  private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

  /** Limits that apply to every request. */
  public record Limits(Duration timeout, int maxFirst) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 100);
  }

  private final Path dir;
  private final Directory directory;
  private final SearcherManager manager;
  private final IndexSchema schema = new IndexSchema();
  private final Limits limits;
  private final ScheduledExecutorService refresher;

  public SearchIndex(Path dir, Limits limits, Duration refreshEvery) throws IOException {
    this.dir = dir;
    this.limits = limits;
    this.directory = FSDirectory.open(dir);
    try {
      SpecIndex.open(dir).close(); // fails on a missing index or another schema version
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

  /** Picks up a newer commit, if there is one; searches in flight keep the searcher they have. */
  public void refresh() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // A commit we cannot read (another schema version, say) leaves the current one serving.
      LOG.log(Level.WARNING, "index refresh failed; still serving the previous commit", e);
    }
  }

  /** One request's view; close it when the request is done. */
  public IndexView acquire() throws IOException {
    IndexSearcher searcher = manager.acquire();
    return new IndexView(manager, (CachingSearcher) searcher, schema, limits);
  }

  public Path dir() {
    return dir;
  }

  public Limits limits() {
    return limits;
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
        String version = dr.getIndexCommit().getUserData().get(IndexSchema.DATA_VERSION);
        if (!String.valueOf(IndexSchema.VERSION).equals(version)) {
          throw new IOException(
              "commit has schema version " + version + ", this build reads " + IndexSchema.VERSION);
        }
      }
      return new CachingSearcher(reader, new ReaderCache(reader, schema.facetsConfig()));
    }
  }
}
