package org.spack.cachesearch.index;

import java.nio.file.Path;

/** An index on disk was written by another schema version: it must be re-ingested. */
public final class IndexVersionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IndexVersionException(Path dir, String found) {
    super(
        "index at "
            + dir
            + " has schema version "
            + (found == null ? "(none)" : found)
            + " but this build reads version "
            + IndexSchema.VERSION
            + ": re-ingest it (spack-cache-search ingest <pages>... --index "
            + dir
            + ")");
  }
}
