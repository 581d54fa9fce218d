package org.spack.cachesearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.spack.cachesearch.ingest.PageFinder;
import org.spack.cachesearch.ingest.PageReader;
import org.spack.cachesearch.ingest.ReadResult;

/**
 * The raw-Lucene floor: the same files found and parsed by the project's {@link PageFinder} and
 * {@link PageReader}, then {@link FloorSchema}'s documents added with {@code addDocuments} (no
 * per-page delete: the index is new), one task per file on a pool of the given size, as ours.
 */
final class FloorIngester implements Ingester {
  @Override
  public String name() {
    return "floor";
  }

  @Override
  public long ingest(Path pages, Path indexDir, int threads) throws IOException {
    List<Path> files = PageFinder.find(List.of(pages));
    PageReader reader = new PageReader();
    FloorSchema schema = new FloorSchema();
    AtomicLong specs = new AtomicLong();
    // As ours: a 128 MB buffer, and a close that does not wait for merges after the commit.
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(128)
            .setCommitOnClose(false);
    try (Directory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> tasks = new ArrayList<>(files.size());
        for (Path file : files) {
          tasks.add(pool.submit(() -> add(reader.read(file), schema, writer, specs)));
        }
        for (Future<?> task : tasks) {
          task.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IOException("floor ingest failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
      writer.commit();
    }
    return specs.get();
  }

  private static Void add(
      ReadResult result, FloorSchema schema, IndexWriter writer, AtomicLong specs)
      throws IOException {
    if (result.kind() == ReadResult.Kind.FAILED) {
      throw new IOException("cannot read " + result.path() + ": " + result.problems());
    }
    if (result.page() != null) {
      writer.addDocuments(schema.documents(result.page()));
      specs.addAndGet(result.page().specs().size());
    }
    return null;
  }
}
