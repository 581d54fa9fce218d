package org.spack.cachesearch.spack;

/**
 * A spec that does not follow Spack's grammar, reported as {@code column N: what was expected} with
 * N the 1-based column where parsing stopped (one past the end when the input ran out).
 */
public final class SpecSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String reason;

  public SpecSyntaxException(int column, String reason) {
    super("column " + column + ": " + reason);
    this.column = column;
    this.reason = reason;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }

  /** The message without its column. */
  public String reason() {
    return reason;
  }
}
