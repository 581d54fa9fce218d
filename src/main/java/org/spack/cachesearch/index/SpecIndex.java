package org.spack.cachesearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Opens an index for reading, refusing one of another schema version with a clear message. */
public final class SpecIndex {
  private SpecIndex() {}

  /** The index's last commit; fails with {@link IndexVersionException} on a version mismatch. */
  public static DirectoryReader open(Path dir) throws IOException {
    Directory directory = FSDirectory.open(dir);
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      check(dir, reader.getIndexCommit());
      return reader;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  static void check(Path dir, IndexCommit commit) throws IOException {
    String found = commit.getUserData().get(IndexSchema.DATA_VERSION);
    if (!String.valueOf(IndexSchema.VERSION).equals(found)) {
      throw new IndexVersionException(dir, found);
    }
  }

  /** What the last commit records: schema version, when it was built and from what. */
  public static Map<String, String> userData(DirectoryReader reader) throws IOException {
    return reader.getIndexCommit().getUserData();
  }
}
