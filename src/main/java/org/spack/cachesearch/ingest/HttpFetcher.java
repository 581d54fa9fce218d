package org.spack.cachesearch.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Downloads one http(s) URL with the JDK's client, bounded in connect time, in total time, in body
 * size and in redirects.
 */
public final class HttpFetcher {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

  /** Larger than any public Spack index (hundreds of MB for develop), smaller than a byte[]. */
  public static final long MAX_BYTES = 1L << 30;

  private static final String USER_AGENT = "spack-cache-search";

  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final long maxBytes;

  public HttpFetcher() {
    this(CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BYTES);
  }

  /**
   * @param requestTimeout the whole exchange, redirects and body included
   * @param maxBytes the largest body (and decompressed index) read; larger is an error
   */
  public HttpFetcher(Duration connectTimeout, Duration requestTimeout, long maxBytes) {
    this(connectTimeout, requestTimeout, maxBytes, null);
  }

  HttpFetcher(Duration connectTimeout, Duration requestTimeout, long maxBytes, SSLContext tls) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    this.requestTimeout = positive(requestTimeout, "requestTimeout");
    if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be in 1.." + (Integer.MAX_VALUE - 8));
    }
    this.maxBytes = maxBytes;
    // NORMAL: never from https down to http. The JDK stops after a few redirects (property
    // jdk.httpclient.redirects.retrylimit, default 5: four are followed) and hands back the 3xx.
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL);
    this.client = (tls == null ? builder : builder.sslContext(tls)).build();
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }

  /** The largest body this fetcher reads, also the limit for files and decompressed indexes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The body of a 200 response; any other status, a timeout or a body over the limit fails. */
  public byte[] fetch(String url) throws BuildCacheException {
    return body(url, get(url));
  }

  /**
   * As {@link #fetch}, but empty for 404, and for 403, which S3 answers for a missing key when the
   * caller may not list the bucket.
   */
  public Optional<byte[]> fetchIfFound(String url) throws BuildCacheException {
    HttpResponse<byte[]> response = get(url);
    return response.statusCode() == 404 || response.statusCode() == 403
        ? Optional.empty()
        : Optional.of(body(url, response));
  }

  private HttpResponse<byte[]> get(String url) throws BuildCacheException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(url))
            .timeout(requestTimeout)
            .header("User-Agent", USER_AGENT)
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::subscriber);
    try {
      return future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new BuildCacheException(url, tooSlow());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new BuildCacheException(url, "interrupted", e);
    } catch (ExecutionException e) {
      throw failure(url, e.getCause());
    }
  }

  private BodySubscriber<byte[]> subscriber(ResponseInfo info) {
    return info.statusCode() == 200
        ? new CappedBody(maxBytes)
        : BodySubscribers.replacing(new byte[0]);
  }

  private static URI uri(String url) throws BuildCacheException {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
          || uri.getHost() == null) {
        throw new BuildCacheException(url, "not an http(s) URL with a host");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new BuildCacheException(url, "not a valid URL: " + e.getReason(), e);
    }
  }

  private String tooSlow() {
    return "no complete response within " + requestTimeout.toMillis() + " ms";
  }

  private BuildCacheException failure(String url, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLarge) {
        return new BuildCacheException(url, t.getMessage(), cause);
      }
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new BuildCacheException(
          url, "cannot connect within " + connectTimeout.toMillis() + " ms", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new BuildCacheException(url, tooSlow(), cause);
    }
    String what = cause instanceof IOException ? "cannot fetch: " : "failed: ";
    return new BuildCacheException(url, what + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  /** The body of a final response (after the redirects the client followed) that is a 200. */
  private static byte[] body(String url, HttpResponse<byte[]> response) throws BuildCacheException {
    int status = response.statusCode();
    if (status == 200) {
      return response.body();
    }
    String message = "HTTP status " + status;
    if (status >= 300 && status < 400) {
      message += ", a redirect not followed (too many, or from https to http)";
    }
    if (response.previousResponse().isPresent()) {
      message += " from " + response.uri();
    }
    throw new BuildCacheException(url, message);
  }
}
