package org.spack.cachesearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import io.undertow.server.handlers.accesslog.AccessLogReceiver;
import io.undertow.server.handlers.accesslog.DefaultAccessLogReceiver;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the access log goes: nowhere, standard output, or {@code access.log} in a directory
 * (rotated daily). One line per response in the combined log format, written by Undertow's own
 * {@link AccessLogHandler}.
 *
 * @param kind where the lines go
 * @param directory the directory of {@code access.log}, for {@link Kind#DIRECTORY} only
 */
public record AccessLog(Kind kind, Path directory) {
  /** Where the lines go. */
  public enum Kind {
    OFF,
    STDOUT,
    DIRECTORY
  }

  public static final AccessLog OFF = new AccessLog(Kind.OFF, null);
  public static final AccessLog STDOUT = new AccessLog(Kind.STDOUT, null);

  /** Apache's combined format: who, when, what, status, bytes, referrer and user agent. */
  static final String FORMAT = "combined";

  public AccessLog {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.DIRECTORY) != (directory != null)) {
      throw new IllegalArgumentException("a directory goes with DIRECTORY only");
    }
  }

  public static AccessLog directory(Path directory) {
    return new AccessLog(Kind.DIRECTORY, directory);
  }

  /** {@code off}, {@code stdout}, or the directory to write {@code access.log} in. */
  public static AccessLog parse(String value) {
    return switch (value) {
      case "off" -> OFF;
      case "stdout" -> STDOUT;
      default -> directory(Path.of(value));
    };
  }

  @Override
  public String toString() {
    return kind == Kind.DIRECTORY ? directory.toString() : kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A handler that logs every response of {@code next}, and what to close when the server stops.
   */
  Logged wrap(HttpHandler next) {
    Receiver receiver =
        switch (kind) {
          case OFF -> null;
          case STDOUT -> new StdoutAccessLog(System.out);
          case DIRECTORY -> new FileReceiver(directory);
        };
    if (receiver == null) {
      return new Logged(next, () -> {});
    }
    ClassLoader loader = AccessLog.class.getClassLoader();
    return new Logged(new AccessLogHandler(next, receiver, FORMAT, loader), receiver);
  }

  /** The logging handler and the receiver behind it. */
  record Logged(HttpHandler handler, Closeable receiver) {}

  /** A receiver that holds a writer to close. */
  interface Receiver extends AccessLogReceiver, Closeable {}

  /** Undertow's file receiver, with a writer thread of its own. */
  private static final class FileReceiver implements Receiver {
    private final ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "access-log");
              t.setDaemon(true);
              return t;
            });
    private final DefaultAccessLogReceiver file;

    FileReceiver(Path directory) {
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the access log directory " + directory, e);
      }
      file =
          DefaultAccessLogReceiver.builder()
              .setLogWriteExecutor(writer)
              .setOutputDirectory(directory)
              .setLogBaseName("access.")
              .setLogNameSuffix("log")
              .setRotate(true)
              .build();
    }

    @Override
    public void logMessage(String message) {
      file.logMessage(message);
    }

    @Override
    public void close() throws IOException {
      try {
        file.close();
      } finally {
        writer.shutdown();
      }
    }
  }
}
