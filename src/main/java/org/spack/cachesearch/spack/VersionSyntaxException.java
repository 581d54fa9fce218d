package org.spack.cachesearch.spack;

/**
 * A version constraint that cannot be read: where in its text (0-based) and what was expected
 * there; or valid Spack that has no place in the version order (a git ref), then {@link
 * #isUnsupported}.
 */
public final class VersionSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final boolean unsupported;

  public VersionSyntaxException(int offset, String message) {
    this(offset, message, false);
  }

  public VersionSyntaxException(int offset, String message, boolean unsupported) {
    super(message);
    this.offset = offset;
    this.unsupported = unsupported;
  }

  /** True for valid Spack syntax that a version order cannot answer (git versions). */
  public boolean isUnsupported() {
    return unsupported;
  }

  /** The 0-based offset in the constraint's text where the problem was found. */
  public int offset() {
    return offset;
  }
}
