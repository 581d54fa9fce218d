package org.spack.cachesearch;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 serving every file under a folder; 404 for anything else. */
public final class LoopbackFiles implements AutoCloseable {
  private final Path root;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpServer server;

  private LoopbackFiles(Path root) throws IOException {
    this.root = root;
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts serving {@code root} on a free port. */
  public static LoopbackFiles serve(Path root) throws IOException {
    return new LoopbackFiles(root);
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange ex) throws IOException {
    Path file = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
    boolean found = file.startsWith(root) && Files.isRegularFile(file);
    byte[] body = found ? Files.readAllBytes(file) : "not here".getBytes(UTF_8);
    ex.sendResponseHeaders(found ? 200 : 404, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
