package org.spack.cachesearch.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When one request started and when each of its root fields (by result key) started and finished,
 * in nanoseconds; a field that was never timed takes the request's own start or end.
 */
final class RootFieldTimes {
  /** One root field: its name in the schema, and its times (0 until known). */
  private static final class Times {
    final String field;
    long start;
    long end;

    Times(String field) {
      this.field = field;
    }
  }

  /** One root field's part of a request, once it is over. */
  record Timed(String resultKey, String field, long nanos) {}

  private final long start;
  private final Map<String, Times> fields = new LinkedHashMap<>();

  RootFieldTimes(long start) {
    this.start = start;
  }

  /** A root field the operation selects, before anything runs. */
  synchronized void selected(String resultKey, String field) {
    fields.computeIfAbsent(resultKey, key -> new Times(field));
  }

  synchronized void started(String resultKey, String field, long now) {
    fields.computeIfAbsent(resultKey, key -> new Times(field)).start = now;
  }

  synchronized void finished(String resultKey, long now) {
    Times times = fields.get(resultKey);
    if (times != null) {
      times.end = now;
    }
  }

  /** The time from the request's start to {@code end}. */
  long elapsed(long end) {
    return end - start;
  }

  /** Every root field with its duration, the request having ended at {@code end}. */
  synchronized List<Timed> timed(long end) {
    return fields.entrySet().stream()
        .map(
            e -> {
              Times t = e.getValue();
              long from = t.start == 0 ? start : t.start;
              long to = t.end == 0 ? end : t.end;
              return new Timed(e.getKey(), t.field, to - from);
            })
        .toList();
  }
}
