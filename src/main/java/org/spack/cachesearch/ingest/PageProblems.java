package org.spack.cachesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects one page's problems, each with the page's path. */
final class PageProblems {
  private final String path;
  private final List<Problem> list = new ArrayList<>();

  /** How many problems so far: a check compares it before and after. */
  int count() {
    return list.size();
  }

  PageProblems(String path) {
    this.path = path;
  }

  void error(int line, String message) {
    list.add(Problem.error(path, line, message));
  }

  void warning(int line, String message) {
    list.add(Problem.warning(path, line, message));
  }

  boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  ReadResult failed(int line, String message, Optional<PageKey> key) {
    error(line, message);
    return result(ReadResult.Kind.FAILED, null, key.orElse(null));
  }

  ReadResult result(ReadResult.Kind kind, Page page, PageKey key) {
    return new ReadResult(path, kind, page, key, list);
  }
}
