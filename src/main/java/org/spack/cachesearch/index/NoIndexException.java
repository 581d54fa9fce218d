package org.spack.cachesearch.index;

import java.nio.file.Path;

/**
 * There is no index where one was expected: the path is missing, is a file, or is a directory
 * without an index commit. Every command reports it the same way.
 */
public final class NoIndexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why there is no index. */
  public enum Reason {
    MISSING("does not exist"),
    FILE("is a file, not a directory"),
    NOT_AN_INDEX("is a directory without an index commit");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;

  NoIndexException(Path dir, Reason reason, String advice) {
    super("no index there (" + dir + " " + reason.text + "); " + advice);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
