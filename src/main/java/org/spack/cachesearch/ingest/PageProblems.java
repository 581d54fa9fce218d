package org.spack.cachesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects one page's problems, each with the page's path; past {@value #MAX_SHOWN} only counts
 * them, so that a huge page wrong on every spec gives a readable report, not millions of lines: one
 * last problem says how many more there are, on the line of the first not shown.
 */
final class PageProblems {
  static final int MAX_SHOWN = 100;

  private final String path;
  private final List<Problem> list = new ArrayList<>();
  private int count;
  private int firstHiddenLine;
  private boolean hasErrors;

  PageProblems(String path) {
    this.path = path;
  }

  /** How many problems so far: a check compares it before and after. */
  int count() {
    return count;
  }

  void error(int line, String message) {
    hasErrors = true;
    add(Problem.error(path, line, message));
  }

  void warning(int line, String message) {
    add(Problem.warning(path, line, message));
  }

  boolean hasErrors() {
    return hasErrors;
  }

  ReadResult failed(int line, String message, Optional<PageKey> key) {
    error(line, message);
    return result(ReadResult.Kind.FAILED, null, key.orElse(null));
  }

  ReadResult result(ReadResult.Kind kind, Page page, PageKey key) {
    List<Problem> shown = list;
    if (count > MAX_SHOWN) {
      shown = new ArrayList<>(list);
      shown.add(
          new Problem(
              hasErrors ? Problem.Severity.ERROR : Problem.Severity.WARNING,
              path,
              firstHiddenLine,
              (count - MAX_SHOWN) + " more problems from this line on, not shown"));
    }
    return new ReadResult(path, kind, page, key, shown);
  }

  private void add(Problem problem) {
    count++;
    if (count <= MAX_SHOWN) {
      list.add(problem);
    } else if (count == MAX_SHOWN + 1) {
      firstHiddenLine = problem.line();
    }
  }
}
