package org.spack.cachesearch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Clients in a closed loop: each sends its next request as soon as the previous one is answered,
 * taking the calls in turn (client {@code i} starting at call {@code i}, so every call is in flight
 * at every moment). Requests started during the warm-up are checked but not timed; those started in
 * the measured window are timed from send to the whole answer read and checked.
 */
final class ClosedLoop {
  /** Failure lines kept for printing. */
  private static final int SAMPLES = 10;

  /**
   * What one run measured.
   *
   * @param nanos per call, the latencies of the requests it started in the measured window
   * @param failures per call, the failed requests of the measured window
   * @param warmupFailures failed requests of the warm-up
   * @param samples the first few failures, one line each
   */
  record Result(
      List<LoadCall> calls,
      List<long[]> nanos,
      long[] failures,
      long warmupFailures,
      List<String> samples,
      double seconds) {}

  /** One client's own tallies, merged after the run. */
  private static final class Tally {
    final long[][] nanos;
    final int[] counts;
    final long[] failures;
    long warmupFailures;

    Tally(int calls) {
      nanos = new long[calls][1024];
      counts = new int[calls];
      failures = new long[calls];
    }

    void time(int call, long elapsed) {
      if (counts[call] == nanos[call].length) {
        nanos[call] = Arrays.copyOf(nanos[call], counts[call] * 2);
      }
      nanos[call][counts[call]++] = elapsed;
    }
  }

  private final Supplier<Transport> transports;
  private final List<LoadCall> calls;
  private final List<String> samples = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param transports one per client thread (a connection of its own, or a shared client)
   */
  ClosedLoop(Supplier<Transport> transports, List<LoadCall> calls) {
    this.transports = transports;
    this.calls = List.copyOf(calls);
  }

  Result run(int clients, double warmupSeconds, double seconds) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    List<Tally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Tally tally = new Tally(calls.size());
      int first = i % calls.size();
      tallies.add(tally);
      threads.add(new Thread(() -> loop(tally, first, measureFrom, end), "client-" + i));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    return merge(tallies, seconds);
  }

  private void loop(Tally tally, int first, long measureFrom, long end) {
    try (Transport transport = transports.get()) {
      for (int call = first; ; call = (call + 1) % calls.size()) {
        long sent = System.nanoTime();
        if (sent >= end) {
          return;
        }
        LoadCall c = calls.get(call);
        String problem = send(transport, c);
        long elapsed = System.nanoTime() - sent;
        if (problem != null) {
          failed(tally, call, sent >= measureFrom, c.title() + ": " + problem);
        } else if (sent >= measureFrom) {
          tally.time(call, elapsed);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends one request and reads and judges the whole answer: null when it is good. */
  private static String send(Transport transport, LoadCall c) throws InterruptedException {
    try {
      return AnswerCheck.problem(transport.send(c), c.graphql());
    } catch (IOException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private void failed(Tally tally, int call, boolean measured, String line) {
    if (measured) {
      tally.failures[call]++;
    } else {
      tally.warmupFailures++;
    }
    if (samples.size() < SAMPLES) {
      samples.add(line);
    }
  }

  private Result merge(List<Tally> tallies, double seconds) {
    List<long[]> nanos = new ArrayList<>();
    long[] failures = new long[calls.size()];
    long warmupFailures = tallies.stream().mapToLong(t -> t.warmupFailures).sum();
    for (int call = 0; call < calls.size(); call++) {
      int c = call;
      nanos.add(
          tallies.stream().flatMapToLong(t -> Arrays.stream(t.nanos[c], 0, t.counts[c])).toArray());
      failures[call] = tallies.stream().mapToLong(t -> t.failures[c]).sum();
    }
    return new Result(calls, nanos, failures, warmupFailures, List.copyOf(samples), seconds);
  }
}
