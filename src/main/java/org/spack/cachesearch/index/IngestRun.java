package org.spack.cachesearch.index;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.spack.cachesearch.ingest.HttpFetcher;
import org.spack.cachesearch.ingest.MirrorReader;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.PageFinder;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.PageLimits;
import org.spack.cachesearch.ingest.PageReader;
import org.spack.cachesearch.ingest.Problem;
import org.spack.cachesearch.ingest.ReadResult;

/**
 * One ingest: finds the pages under the given paths, reads and indexes them on every core,
 * optionally prunes, and commits once at the end. (Over 200 lines: pages and build-cache indexes,
 * reading, indexing and pruning are the steps of one run, best read in one place.)
 */
public final class IngestRun {

  /**
   * What to ingest and how.
   *
   * @param roots page files and trees
   * @param caches build-cache indexes, each replacing its whole tag
   * @param pageLimits how large and deep a page file may be
   */
  public record Options(
      List<Path> roots,
      List<BuildCache> caches,
      Path indexDir,
      boolean prune,
      boolean strict,
      int threads,
      PageLimits pageLimits) {
    public Options {
      roots = List.copyOf(roots);
      caches = List.copyOf(caches);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be 1 or more");
      }
      Objects.requireNonNull(pageLimits, "pageLimits");
    }

    /** With the default page limits. */
    public Options(
        List<Path> roots,
        List<BuildCache> caches,
        Path indexDir,
        boolean prune,
        boolean strict,
        int threads) {
      this(roots, caches, indexDir, prune, strict, threads, PageLimits.DEFAULT);
    }

    public Options(List<Path> roots, Path indexDir, boolean prune, boolean strict, int threads) {
      this(roots, List.of(), indexDir, prune, strict, threads);
    }

    public static Options of(List<Path> roots, Path indexDir) {
      return new Options(roots, indexDir, false, false, Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * One build-cache index: a file, mirror directory or URL ({@link MirrorReader}), the tag its
   * binaries are filed under, and the stack it is the index of (null when not from a catalogue).
   */
  public record BuildCache(String location, String tag, String stack) {
    public BuildCache {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(tag, "tag");
    }
  }

  private final Options options;
  private final IngestProgress progress;
  private final PageReader reader;
  private final BuildCacheIngest caches;

  /** Which file each (tag, package) came from in this run: a second file for one is an error. */
  private final Map<PageKey, String> claimed = new ConcurrentHashMap<>();

  public IngestRun(Options options, IngestProgress progress) {
    this(options, progress, new MirrorReader(new HttpFetcher()));
  }

  public IngestRun(Options options, IngestProgress progress, MirrorReader mirrors) {
    this.options = options;
    this.progress = progress;
    this.reader = new PageReader(options.pageLimits());
    this.caches = new BuildCacheIngest(mirrors);
  }

  public IngestSummary run() throws IOException {
    long start = System.nanoTime();
    List<Path> files = PageFinder.find(options.roots());
    BuildCacheIngest.Read fromCaches = caches.read(options.caches());
    // Every result, page file or build-cache package, reports itself done once.
    progress.started(files.size() + fromCaches.results().size());
    try (SpecIndexer indexer = new SpecIndexer(options.indexDir())) {
      List<PageOutcome> results = new ArrayList<>(readAndIndex(files, indexer));
      results.addAll(run(fromCaches.results(), r -> claimAndIndex(r, indexer, 0)));
      progress.finished();
      IngestTally tally = new IngestTally(results);
      boolean commit = !(options.strict() && tally.failed > 0);
      SpecIndexer.Pruned pruned = new SpecIndexer.Pruned(List.of(), 0);
      if (commit && options.prune()) {
        pruned = indexer.prune(tally.tags(), tally.keys());
      }
      if (commit && !fromCaches.wholeTags().isEmpty()) {
        // A build-cache index is the whole of its tag: what it no longer holds goes.
        SpecIndexer.Pruned replaced = indexer.prune(fromCaches.wholeTags(), tally.keys());
        pruned = pruned.plus(replaced);
      }
      if (commit) {
        indexer.commit(userData());
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new IngestSummary(
          tally.pages,
          tally.specs,
          tally.failed,
          tally.legacy,
          tally.indexedTags(),
          tally.problems,
          pruned.pages(),
          pruned.specs(),
          elapsed,
          commit,
          committedDocs());
    }
  }

  private List<PageOutcome> readAndIndex(List<Path> files, SpecIndexer indexer) throws IOException {
    return run(files, file -> readAndIndex(file, indexer));
  }

  /** Work on one item that may fail with an I/O error. */
  private interface Task<T, R> {
    R apply(T item) throws IOException;
  }

  /** Applies {@code task} to every item on the run's threads; results in item order. */
  private <T, R> List<R> run(List<T> items, Task<T, R> task) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("ingest interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("ingest failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private PageOutcome readAndIndex(Path file, SpecIndexer indexer) throws IOException {
    return claimAndIndex(reader.read(file), indexer, 1);
  }

  /**
   * Indexes a result's page unless another file or index of this run already gave its (tag,
   * package): that is an error, and only the first is indexed.
   *
   * @param line where the error is reported: 1 for a page file, 0 for an index (no lines)
   */
  private PageOutcome claimAndIndex(ReadResult result, SpecIndexer indexer, int line)
      throws IOException {
    if (result.kind() == ReadResult.Kind.PAGE) {
      Page page = result.page();
      String other = claimed.putIfAbsent(page.key(), result.path());
      if (other != null) {
        List<Problem> problems = new ArrayList<>(result.problems());
        problems.add(
            Problem.error(
                result.path(),
                line,
                "duplicate page: "
                    + page.key()
                    + " is also read from "
                    + other
                    + "; only that one is indexed"));
        result = new ReadResult(result.path(), ReadResult.Kind.FAILED, null, page.key(), problems);
      } else {
        indexer.index(page);
      }
    }
    progress.pageDone(result.page() == null ? 0 : result.page().specs().size());
    return PageOutcome.of(result);
  }

  private Map<String, String> userData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(IndexSchema.DATA_VERSION, String.valueOf(IndexSchema.VERSION));
    data.put(IndexSchema.DATA_BUILT_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    data.put(
        IndexSchema.DATA_BUILT_FROM,
        Stream.concat(
                options.roots().stream().map(IngestRun::describe),
                options.caches().stream().map(BuildCache::location))
            .collect(Collectors.joining("\n")));
    return data;
  }

  /** A path as the commit records it; one inside a jar keeps its jar's URI. */
  private static String describe(Path p) {
    return p.getFileSystem() == FileSystems.getDefault()
        ? p.toAbsolutePath().normalize().toString()
        : p.toUri().toString();
  }

  private long committedDocs() throws IOException {
    try (DirectoryReader reader = SpecIndex.open(options.indexDir())) {
      return reader.numDocs();
    } catch (NoIndexException e) {
      return 0;
    }
  }
}
