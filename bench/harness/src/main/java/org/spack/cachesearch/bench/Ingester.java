package org.spack.cachesearch.bench;

import java.io.IOException;
import java.nio.file.Path;

/** One contender of the ingest benchmark: every page under a tree into a fresh index. */
interface Ingester {
  /** The name printed in the results. */
  String name();

  /**
   * Reads every page under {@code pages} on {@code threads} threads and indexes its specs into an
   * empty {@code indexDir}, committed once; returns the specs indexed.
   */
  long ingest(Path pages, Path indexDir, int threads) throws IOException;
}
