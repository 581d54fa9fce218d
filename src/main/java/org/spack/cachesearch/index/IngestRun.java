package org.spack.cachesearch.index;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.PageFinder;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.PageReader;
import org.spack.cachesearch.ingest.Problem;
import org.spack.cachesearch.ingest.ReadResult;

/**
 * One ingest: finds the pages under the given paths, reads and indexes them on every core,
 * optionally prunes, and commits once at the end. (Over 200 lines: the run's steps and its tally
 * read best in one place.)
 */
public final class IngestRun {

  /** What to ingest and how. */
  public record Options(
      List<Path> roots, Path indexDir, boolean prune, boolean strict, int threads) {
    public Options {
      roots = List.copyOf(roots);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be 1 or more");
      }
    }

    public static Options of(List<Path> roots, Path indexDir) {
      return new Options(roots, indexDir, false, false, Runtime.getRuntime().availableProcessors());
    }
  }

  private final Options options;
  private final IngestProgress progress;
  private final PageReader reader = new PageReader();

  /** Which file each (tag, package) came from in this run: a second file for one is an error. */
  private final Map<PageKey, String> claimed = new ConcurrentHashMap<>();

  public IngestRun(Options options, IngestProgress progress) {
    this.options = options;
    this.progress = progress;
  }

  public IngestSummary run() throws IOException {
    long start = System.nanoTime();
    List<Path> files = PageFinder.find(options.roots());
    progress.started(files.size());
    try (SpecIndexer indexer = new SpecIndexer(options.indexDir())) {
      List<ReadResult> results = readAndIndex(files, indexer);
      progress.finished();
      Tally tally = new Tally(results);
      SpecIndexer.Pruned pruned = new SpecIndexer.Pruned(List.of(), 0);
      boolean commit = !(options.strict() && tally.failed > 0);
      if (commit && options.prune()) {
        pruned = indexer.prune(tally.tags(), tally.keys());
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

  private List<ReadResult> readAndIndex(List<Path> files, SpecIndexer indexer) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<ReadResult>> futures = new ArrayList<>(files.size());
      for (Path file : files) {
        futures.add(pool.submit(() -> readAndIndex(file, indexer)));
      }
      List<ReadResult> results = new ArrayList<>(files.size());
      for (Future<ReadResult> future : futures) {
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

  private ReadResult readAndIndex(Path file, SpecIndexer indexer) throws IOException {
    ReadResult result = reader.read(file);
    if (result.kind() == ReadResult.Kind.PAGE) {
      Page page = result.page();
      String other = claimed.putIfAbsent(page.key(), result.path());
      if (other != null) {
        List<Problem> problems = new ArrayList<>(result.problems());
        problems.add(
            Problem.error(
                result.path(),
                1,
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
    return result;
  }

  private Map<String, String> userData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(IndexSchema.DATA_VERSION, String.valueOf(IndexSchema.VERSION));
    data.put(IndexSchema.DATA_BUILT_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    data.put(
        IndexSchema.DATA_BUILT_FROM,
        options.roots().stream().map(IngestRun::describe).collect(Collectors.joining("\n")));
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

  /** Counts over the read results, in file order. */
  private static final class Tally {
    int pages;
    int specs;
    int failed;
    int legacy;
    final List<Problem> problems = new ArrayList<>();
    private final List<ReadResult> results;

    Tally(List<ReadResult> results) {
      this.results = results;
      for (ReadResult r : results) {
        problems.addAll(r.problems());
        switch (r.kind()) {
          case PAGE -> {
            pages++;
            specs += r.page().specs().size();
          }
          case FAILED -> failed++;
          case LEGACY -> legacy++;
        }
      }
      problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
    }

    SortedSet<String> indexedTags() {
      return results.stream()
          .filter(r -> r.page() != null)
          .map(r -> r.page().tag())
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Tags the run covers: those of every page it saw, failed ones included. */
    Set<String> tags() {
      return results.stream()
          .filter(r -> r.key() != null)
          .map(r -> r.key().tag())
          .collect(Collectors.toSet());
    }

    /** Pages to keep when pruning: a page that failed to read keeps what it had. */
    Set<PageKey> keys() {
      return results.stream()
          .filter(r -> r.key() != null)
          .map(ReadResult::key)
          .collect(Collectors.toSet());
    }
  }
}
