package org.spack.cachesearch.bench;

import java.util.Arrays;

/** Latencies of one query by one contender: nearest-rank percentiles of the measured calls. */
record Latency(long[] nanos) {
  Latency {
    nanos = nanos.clone();
    Arrays.sort(nanos);
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no measurement");
    }
  }

  /** The {@code p}-th percentile in milliseconds: the smallest value at or above p% of calls. */
  double percentileMillis(double p) {
    int rank = (int) Math.ceil(p / 100 * nanos.length);
    return nanos[Math.max(rank, 1) - 1] / 1e6;
  }

  int count() {
    return nanos.length;
  }
}
