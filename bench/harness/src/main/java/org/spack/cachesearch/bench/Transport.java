package org.spack.cachesearch.bench;

import java.io.IOException;

/** How a load client sends a request and reads the whole answer. */
interface Transport extends AutoCloseable {
  /** An answer: its status and body. */
  record Response(int status, byte[] body) {}

  Response send(LoadCall call) throws IOException, InterruptedException;

  @Override
  void close();
}
