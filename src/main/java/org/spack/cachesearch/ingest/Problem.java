package org.spack.cachesearch.ingest;

import java.util.Objects;

/**
 * One problem found in a page or a build-cache index, printed as {@code path:line: message} like a
 * compiler's; line 0 when the problem has no line (a download, a checksum), printed {@code path:
 * message}. Printed on one line whatever the page holds: control characters in the path or the
 * message are escaped.
 */
public record Problem(Severity severity, String path, int line, String message) {

  /** Errors keep a page out of the index; warnings are reported and the page is indexed. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, was " + line);
    }
  }

  public static Problem error(String path, int line, String message) {
    return new Problem(Severity.ERROR, path, line, message);
  }

  public static Problem warning(String path, int line, String message) {
    return new Problem(Severity.WARNING, path, line, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    String prefix = isError() ? "" : "warning: ";
    return Printable.escape(path + (line == 0 ? "" : ":" + line) + ": " + prefix + message);
  }
}
