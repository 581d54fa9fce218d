package org.spack.cachesearch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.spack.cachesearch.graphql.SpackApi;
import org.spack.cachesearch.http.ApiServer;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.TestIndex;

/**
 * The bundled sample indexed on disk, served on a loopback port, and one headless Chromium driven
 * by Debian's chromedriver (paths given, so nothing is looked up or downloaded).
 */
final class WebFixture implements AutoCloseable {
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String SPACK_V2 =
      "src/test/resources/buildcache/v2_layout/unsigned/build_cache/index.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final SearchIndex index;
  final ApiServer server;
  final ChromeDriver driver;

  private WebFixture(SearchIndex index, ApiServer server, ChromeDriver driver) {
    this.index = index;
    this.server = server;
    this.driver = driver;
  }

  /** The bundled sample's pages: 905 specs in four tags, no dependencies. */
  static WebFixture start(Path tmp) throws IOException {
    return start(tmp, TestIndex.of(tmp.resolve("index"), Path.of("src/main/resources/sample")));
  }

  /** Spack's own test mirror, as tag {@code spack-v2}: binaries with their dependencies. */
  static WebFixture startBuildCache(Path tmp) throws IOException {
    Path dir = tmp.resolve("index");
    List<IngestRun.BuildCache> caches =
        List.of(new IngestRun.BuildCache(SPACK_V2, "spack-v2", null));
    new IngestRun(
            new IngestRun.Options(List.of(), caches, dir, false, false, 2), IngestProgress.NONE)
        .run();
    return start(tmp, SearchIndex.open(dir, Limits.DEFAULT, Duration.ofHours(1)));
  }

  private static WebFixture start(Path tmp, SearchIndex index) {
    ApiServer server =
        ApiServer.start(
            new ServerConfig("127.0.0.1", 0, List.of(), ServerConfig.DEFAULT_MAX_BODY_BYTES),
            SpackApi.build(index),
            () -> "ok");
    return new WebFixture(index, server, chromium(tmp.resolve("profile")));
  }

  private static ChromeDriver chromium(Path profile) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }

  /** The page's address with {@code pathAndQuery}, e.g. {@code ?q=x}. */
  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + "/" + pathAndQuery;
  }

  /** The API's own answer, asked with a plain HTTP POST, independently of the page. */
  JsonNode post(String query, Map<String, Object> variables) {
    try {
      String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url("graphql")))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      server.close();
      index.close();
    }
  }
}
