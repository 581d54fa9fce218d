package org.spack.cachesearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.PageKey;

/**
 * Writes pages into the index. Nothing is visible until {@link #commit}: a run that dies or is
 * killed before it leaves the last commit as it was. Thread-safe, as IndexWriter is.
 */
public final class SpecIndexer implements Closeable {
  private final IndexSchema schema = new IndexSchema();
  private final Directory directory;
  private final IndexWriter writer;

  /** What {@link #prune} removed. */
  public record Pruned(List<PageKey> pages, long specs) {
    /** Both prunings together. */
    public Pruned plus(Pruned other) {
      List<PageKey> all = new ArrayList<>(pages);
      all.addAll(other.pages);
      return new Pruned(all, specs + other.specs);
    }
  }

  public SpecIndexer(Path dir) throws IOException {
    this.directory = SpecIndex.forWriting(dir);
    boolean rebuilt;
    try {
      rebuilt = DirectoryReader.indexExists(directory) && !sameVersion(dir);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    IndexWriterConfig config =
        new IndexWriterConfig(schema.analyzer())
            // An index of another schema is replaced whole, but only when this run commits.
            .setOpenMode(
                rebuilt
                    ? IndexWriterConfig.OpenMode.CREATE
                    : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            // Closing without commit() must drop the run, never publish half of it.
            .setCommitOnClose(false)
            .setRAMBufferSizeMB(128);
    this.writer = new IndexWriter(directory, config);
  }

  private boolean sameVersion(Path dir) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      SpecIndex.check(dir, reader.getIndexCommit());
      return true;
    } catch (IndexVersionException e) {
      return false;
    }
  }

  /** Replaces every document of the page's (tag, package) with its specs, in one step. */
  public void index(Page page) throws IOException {
    writer.updateDocuments(pageTerm(page.key()), schema.documents(page));
  }

  /** Deletes the pages of {@code tags} that are not in {@code keep}. */
  public Pruned prune(Set<String> tags, Set<PageKey> keep) throws IOException {
    List<PageKey> gone = new ArrayList<>();
    long specs = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Terms terms = MultiTerms.getTerms(reader, IndexSchema.PAGE);
      TermsEnum it = terms == null ? TermsEnum.EMPTY : terms.iterator();
      for (BytesRef term = it.next(); term != null; term = it.next()) {
        PageKey page = PageKey.parse(term.utf8ToString());
        if (tags.contains(page.tag()) && !keep.contains(page)) {
          int count = searcher.count(new TermQuery(pageTerm(page)));
          if (count > 0) {
            gone.add(page);
            specs += count;
          }
        }
      }
    }
    for (PageKey page : gone) {
      writer.deleteDocuments(pageTerm(page));
    }
    return new Pruned(gone, specs);
  }

  /** Publishes everything since the last commit, recording how the index was built. */
  public void commit(Map<String, String> userData) throws IOException {
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
  }

  private static Term pageTerm(PageKey key) {
    return new Term(IndexSchema.PAGE, key.toString());
  }

  /** Drops whatever was not committed. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      directory.close();
    }
  }
}
