package org.spack.cachesearch.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's HttpClient, HTTP/1.1 with keep-alive, one shared by every load client. */
final class JdkTransport implements Transport {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Override
  public Response send(LoadCall call) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
    return new Response(r.statusCode(), r.body());
  }

  /** Shared: closing one client's use of it closes nothing. */
  @Override
  public void close() {}
}
