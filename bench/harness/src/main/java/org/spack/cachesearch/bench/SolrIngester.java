package org.spack.cachesearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.UpdateParams;
import org.spack.cachesearch.ingest.PageFinder;
import org.spack.cachesearch.ingest.PageReader;
import org.spack.cachesearch.ingest.ReadResult;

/**
 * Solr, embedded: the same files found and parsed by the project's {@link PageFinder} and {@link
 * PageReader}, {@link SolrSchema}'s documents added in batches of 1000 without overwrite (as the
 * floor's {@code addDocuments}), the files split between the threads, one commit at the end. Solr's
 * start on the new core and its close are in the time.
 */
final class SolrIngester implements Ingester {
  private static final int BATCH = 1000;

  @Override
  public String name() {
    return "solr";
  }

  @Override
  public long ingest(Path pages, Path indexDir, int threads) throws IOException {
    List<Path> files = PageFinder.find(List.of(pages));
    PageReader reader = new PageReader();
    try (EmbeddedSolrServer solr = SolrHome.create(indexDir)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long specs = 0;
      try {
        List<Future<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          List<Path> share = share(files, t, threads);
          tasks.add(pool.submit(() -> add(share, reader, solr)));
        }
        for (Future<Long> task : tasks) {
          specs += task.get();
        }
        solr.commit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException | SolrServerException e) {
        throw new IOException(
            "solr ingest failed", e instanceof ExecutionException ? e.getCause() : e);
      } finally {
        pool.shutdownNow();
      }
      return specs;
    }
  }

  private static List<Path> share(List<Path> files, int t, int threads) {
    List<Path> share = new ArrayList<>();
    for (int i = t; i < files.size(); i += threads) {
      share.add(files.get(i));
    }
    return share;
  }

  private static long add(List<Path> files, PageReader reader, EmbeddedSolrServer solr)
      throws IOException, SolrServerException {
    List<SolrInputDocument> batch = new ArrayList<>(BATCH);
    long specs = 0;
    for (Path file : files) {
      ReadResult result = reader.read(file);
      if (result.kind() == ReadResult.Kind.FAILED) {
        throw new IOException("cannot read " + result.path() + ": " + result.problems());
      }
      if (result.page() != null) {
        batch.addAll(SolrSchema.documents(result.page()));
        specs += result.page().specs().size();
      }
      if (batch.size() >= BATCH) {
        send(batch, solr);
        batch = new ArrayList<>(BATCH);
      }
    }
    if (!batch.isEmpty()) {
      send(batch, solr);
    }
    return specs;
  }

  /** Adds without {@code overwrite}: the index is new, so no key can be there already. */
  private static void send(List<SolrInputDocument> batch, EmbeddedSolrServer solr)
      throws IOException, SolrServerException {
    UpdateRequest add = new UpdateRequest();
    add.add(batch);
    add.setParam(UpdateParams.OVERWRITE, "false");
    add.process(solr);
  }
}
