package org.spack.cachesearch.spack;

/** A malformed version constraint: where in its text (0-based) and what was expected there. */
public final class VersionSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public VersionSyntaxException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** The 0-based offset in the constraint's text where the problem was found. */
  public int offset() {
    return offset;
  }
}
