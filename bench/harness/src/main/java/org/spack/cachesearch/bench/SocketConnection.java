package org.spack.cachesearch.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, one per load client: requests written as
 * prepared bytes, answers read by {@code Content-Length} or chunks. Far cheaper per request than
 * the JDK's HttpClient, so that the client's own CPU time stays out of the server's way. An I/O
 * error fails the request and drops the connection; the next request opens a new one.
 */
final class SocketConnection implements Transport {
  private static final int TIMEOUT_MILLIS = (int) LoadCall.TIMEOUT.toMillis();

  private final InetSocketAddress address;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  SocketConnection(URI server) {
    this.address = new InetSocketAddress(server.getHost(), server.getPort());
  }

  @Override
  public Response send(LoadCall call) throws IOException {
    try {
      if (socket == null) {
        open();
      }
      out.write(call.wire());
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.connect(address, 10_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  private Response read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean last = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> last = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body = chunked ? chunks() : length >= 0 ? exactly(length) : in.readAllBytes();
    if (last || (!chunked && length < 0)) {
      close();
    }
    return new Response(code, body);
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (long size = chunkSize(); size > 0; size = chunkSize()) {
      body.writeBytes(exactly(size));
      line();
    }
    while (!line().isEmpty()) {
      // trailers, ignored
    }
    return body.toByteArray();
  }

  private long chunkSize() throws IOException {
    String line = line();
    int semicolon = line.indexOf(';');
    return Long.parseLong(semicolon < 0 ? line.trim() : line.substring(0, semicolon).trim(), 16);
  }

  private byte[] exactly(long n) throws IOException {
    byte[] bytes = in.readNBytes((int) n);
    if (bytes.length != n) {
      throw new EOFException("answer cut short: " + bytes.length + " of " + n + " bytes");
    }
    return bytes;
  }

  /** One header line, without its CR LF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // already broken: nothing to release
      }
      socket = null;
    }
  }
}
