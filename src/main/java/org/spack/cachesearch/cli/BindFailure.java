package org.spack.cachesearch.cli;

import java.net.BindException;
import java.net.UnknownHostException;
import java.util.Optional;

/** Says in the user's terms why the server could not listen, naming the flag to change. */
final class BindFailure {
  private BindFailure() {}

  /** The usage error behind a failed start, if it was the address; empty for anything else. */
  static Optional<UsageError> explain(RuntimeException failure, String host, int port) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        String reason = String.valueOf(bind.getMessage());
        return Optional.of(
            new UsageError(
                reason.contains("in use")
                    ? "port "
                        + port
                        + " on "
                        + host
                        + " is already in use; stop what holds it"
                        + " or choose another port with --port"
                    : "cannot listen on "
                        + host
                        + ":"
                        + port
                        + " ("
                        + reason
                        + "); check --host"
                        + " and --port"));
      }
      if (t instanceof UnknownHostException) {
        return Optional.of(
            new UsageError("cannot listen on " + host + ": unknown host; check --host"));
      }
    }
    return Optional.empty();
  }
}
