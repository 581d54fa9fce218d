package org.spack.cachesearch.http;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Access log lines to a stream, written by a thread of its own so that a slow reader of standard
 * output never holds up a request; when {@link #CAPACITY} lines are waiting, new ones are dropped
 * and counted.
 */
final class StdoutAccessLog implements AccessLog.Receiver {
  static final int CAPACITY = 10_000;

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final PrintStream out;
  private final Thread writer;
  private volatile boolean closed;

  StdoutAccessLog(PrintStream out) {
    this.out = out;
    this.writer = new Thread(this::write, "access-log");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void logMessage(String message) {
    if (!lines.offer(message)) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    try {
      while (!closed || !lines.isEmpty()) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          out.println(line);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          out.println("access log: " + lost + " lines dropped (output too slow)");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
  }

  /** Writes what is waiting, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
