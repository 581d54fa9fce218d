package org.spack.cachesearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The one place that opens an index directory, for reading or writing, and says in the project's
 * own exceptions why it cannot: {@link NoIndexException} (missing, a file, not an index) or {@link
 * IndexVersionException} (another schema version). Reading never creates a directory.
 */
public final class SpecIndex {
  private SpecIndex() {}

  /** The directory of an existing index, for a reader; the caller closes it. */
  public static Directory forReading(Path dir) throws IOException {
    Directory directory = FSDirectory.open(existingDirectory(dir, "run ingest first"));
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new NoIndexException(dir, NoIndexException.Reason.NOT_AN_INDEX, "run ingest first");
      }
      return directory;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The index's last commit, checked to be of this schema version. */
  public static DirectoryReader open(Path dir) throws IOException {
    Directory directory = forReading(dir);
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      check(dir, reader.getIndexCommit());
      return reader;
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * True when there is nothing to serve: no directory, a directory without an index commit (such as
   * the repository's {@code index/} with its README, or what a first ingest killed before its
   * commit leaves), or an index of no spec.
   */
  public static boolean isEmpty(Path dir) throws IOException {
    if (!Files.exists(dir) || (Files.isDirectory(dir) && !hasCommit(dir))) {
      return true;
    }
    try (DirectoryReader reader = open(dir)) {
      return reader.numDocs() == 0;
    }
  }

  /** The directory an ingest writes to: created when missing; a file in its place is refused. */
  static Directory forWriting(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new NoIndexException(dir, NoIndexException.Reason.FILE, "give --index a directory");
    }
    return FSDirectory.open(dir);
  }

  /** Fails with {@link IndexVersionException} when a commit is of another schema version. */
  public static void check(Path dir, IndexCommit commit) throws IOException {
    String found = commit.getUserData().get(IndexSchema.DATA_VERSION);
    if (!String.valueOf(IndexSchema.VERSION).equals(found)) {
      throw new IndexVersionException(dir, found);
    }
  }

  private static Path existingDirectory(Path dir, String advice) {
    if (!Files.exists(dir)) {
      throw new NoIndexException(dir, NoIndexException.Reason.MISSING, advice);
    }
    if (!Files.isDirectory(dir)) {
      throw new NoIndexException(dir, NoIndexException.Reason.FILE, "give --index a directory");
    }
    return dir;
  }

  private static boolean hasCommit(Path dir) throws IOException {
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }
}
