package org.spack.cachesearch.cli;

/**
 * A mistake in the command line found only when acting on it (a port in use, an index path that is
 * a file): reported as {@code error: <message>} with exit code 64, without the usage text.
 */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message, null, false, false);
  }
}
