package org.spack.cachesearch.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorReaderTest {
  static final String P7 = "{\"database\": {\"version\": \"7\", \"installs\": {}}}";
  static final String P8 = "{\"database\": {\"version\": \"8\", \"installs\": {}}}";
  // sha256sum of the fixtures, computed by the shell when they were written.
  static final String P7_SHA = "d9802cc8e23f194e421dde24d485d47cc54012df91272ecccc0fd75172eae984";
  static final String P8_SHA = "32f28f14eed38110584c7408499bc577358c91d2f8d1207b50964ae88bbb2aa2";
  static final String P8_GZ_SHA =
      "cf930ad9f4646c653f408be4bc24736cb836918caa6a972b9bed4a5a261181a7";
  static final String CORRUPT_SHA =
      "0029f3a9edafe6064456b9f44cc0096c9ef167e488ca2b4f2af9761ff314960e";
  static final String MANIFEST = "v3/manifests/index/index.manifest.json";
  static final Path MIRRORS = resource("/mirrors");
  static final String NOT_FOLLOWED = ", a redirect not followed (too many, or from https to http)";

  @TempDir static Path built;
  static String builtSha;
  static ExecutorService threads;
  static HttpServer server;
  static HttpsServer tls;
  static SSLContext clientTls;
  static String base;
  static String tlsBase;

  final MirrorReader reader = new MirrorReader(new HttpFetcher());

  // --- the loopback server, shared with CatalogTest ---

  static Path resource(String name) {
    try {
      return Path.of(MirrorReaderTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves the fixtures under /mirrors/, redirects, a failing and a slow route. */
  static HttpServer startServer(ExecutorService executor) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
    routes(http);
    http.setExecutor(executor);
    http.start();
    return http;
  }

  static InetAddress loopback() throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }

  static String base(HttpServer http, String scheme) {
    return scheme + "://127.0.0.1:" + http.getAddress().getPort();
  }

  static void routes(HttpServer http) {
    serveFiles(http, "/mirrors/", MIRRORS);
    http.createContext("/moved/", ex -> redirect(ex, 301, "/mirrors/" + rest(ex, "/moved/")));
    http.createContext("/hop/", MirrorReaderTest::hop);
    http.createContext("/fail/", ex -> respond(ex, 500, "broken".getBytes(UTF_8)));
    http.createContext("/slow/", MirrorReaderTest::slow);
  }

  static void serveFiles(HttpServer http, String prefix, Path root) {
    http.createContext(
        prefix,
        ex -> {
          Path file = root.resolve(rest(ex, prefix)).normalize();
          if (file.startsWith(root) && Files.isRegularFile(file)) {
            respond(ex, 200, Files.readAllBytes(file));
          } else {
            respond(ex, 404, "not here".getBytes(UTF_8));
          }
        });
  }

  static String rest(HttpExchange ex, String prefix) {
    return ex.getRequestURI().getPath().substring(prefix.length());
  }

  /** /hop/N/index.json redirects N times, then serves the v2 index. */
  static void hop(HttpExchange ex) throws IOException {
    String hops = rest(ex, "/hop/");
    int n = Integer.parseInt(hops.substring(0, hops.indexOf('/')));
    if (n == 0) {
      respond(ex, 200, P7.getBytes(UTF_8));
    } else {
      redirect(ex, 302, "/hop/" + (n - 1) + "/index.json");
    }
  }

  static void slow(HttpExchange ex) throws IOException {
    try {
      Thread.sleep(3000);
      respond(ex, 200, P7.getBytes(UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    }
  }

  static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  static void redirect(HttpExchange ex, int status, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  @BeforeAll
  static void start() throws Exception {
    builtSha = buildV3Mirror(built);
    threads = Executors.newCachedThreadPool();
    server = startServer(threads);
    serveFiles(server, "/built/", built);
    base = base(server, "http");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(MIRRORS.resolve("loopback.p12"))) {
      keys.load(in, "changeit".toCharArray());
    }
    tls = HttpsServer.create(new InetSocketAddress(loopback(), 0), 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(serverTls(keys)));
    routes(tls);
    tls.createContext("/down/", ex -> redirect(ex, 302, base + "/mirrors/" + rest(ex, "/down/")));
    tls.setExecutor(threads);
    tls.start();
    tlsBase = base(tls, "https");
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, trust.getTrustManagers(), null);
  }

  static SSLContext serverTls(KeyStore keys) throws GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** A v3 mirror whose gzip blob's sha256 is computed here; returns that sha256. */
  static String buildV3Mirror(Path root) throws Exception {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gzip)) {
      out.write(P8.getBytes(UTF_8));
    }
    byte[] blob = gzip.toByteArray();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
    Path file = root.resolve("blobs/sha256/" + sha.substring(0, 2) + "/" + sha);
    Files.createDirectories(file.getParent());
    Files.write(file, blob);
    Path manifest = root.resolve(MANIFEST);
    Files.createDirectories(manifest.getParent());
    Files.writeString(
        manifest,
        String.format(
            "{\"version\": 3, \"data\": [{\"contentLength\": %d, \"mediaType\":"
                + " \"application/vnd.spack.db.v8+json\", \"compression\": \"gzip\","
                + " \"checksumAlgorithm\": \"sha256\", \"checksum\": \"%s\"}]}",
            blob.length, sha));
    return sha;
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    tls.stop(0);
    threads.shutdownNow();
  }

  // --- helpers ---

  static String local(String relative) {
    return MIRRORS.resolve(relative).toString();
  }

  static void assertBlob(String source, String json, DatabaseBlob blob) {
    assertEquals(source, blob.source());
    assertEquals(json, new String(blob.json(), UTF_8));
  }

  static String failure(MirrorReader reader, String location) {
    return assertThrows(BuildCacheException.class, () -> reader.read(location)).getMessage();
  }

  String failure(String location) {
    return failure(reader, location);
  }

  static MirrorReader limitedTo(long bytes) {
    return new MirrorReader(new HttpFetcher(Duration.ofSeconds(5), Duration.ofSeconds(30), bytes));
  }

  // --- local directories and files ---

  @Test
  void aV2MirrorDirectoryGivesItsBuildCacheIndex() throws Exception {
    assertBlob(local("v2/build_cache/index.json"), P7, reader.read(local("v2")));
  }

  @Test
  void aV3MirrorDirectoryGivesTheGunzippedBlobItsManifestNames() throws Exception {
    assertBlob(local("v3/blobs/sha256/cf/" + P8_GZ_SHA), P8, reader.read(local("v3")));
  }

  @Test
  void aMirrorWithBothLayoutsIsReadInV3() throws Exception {
    assertBlob(local("both/blobs/sha256/32/" + P8_SHA), P8, reader.read(local("both")));
  }

  @Test
  void theNewestDatabaseVersionThisBuildReadsIsTakenAndNewerOnesAreLeft() throws Exception {
    // The manifest lists v7, v10 (its blob absent) and v8, and a spec blob.
    assertBlob(local("versions/blobs/sha256/32/" + P8_SHA), P8, reader.read(local("versions")));
  }

  @Test
  void anIndexOnlyInNewerDatabaseVersionsIsRefused() {
    assertEquals(
        local("newer/" + MANIFEST)
            + ": no index in a database version this build reads (v6 to v9);"
            + " the manifest lists v10",
        failure(local("newer")));
  }

  @Test
  void aCorruptedBlobIsRefusedWithTheExpectedAndActualChecksums() {
    assertEquals(
        local("corrupt/blobs/sha256/cf/" + P8_GZ_SHA)
            + ": sha256 checksum mismatch: expected "
            + P8_GZ_SHA
            + ", actual "
            + CORRUPT_SHA,
        failure(local("corrupt")));
  }

  @Test
  void aBlobOfAnotherLengthThanTheManifestSaysIsRefused() {
    assertEquals(
        local("short/blobs/sha256/32/" + P8_SHA) + ": blob is 46 bytes, the manifest says 48",
        failure(local("short")));
  }

  @Test
  void aChecksumAlgorithmOtherThanSha256IsRefusedBeforeAnyDownload() {
    assertEquals(
        local("md5/" + MANIFEST) + ": checksum algorithm md5 is not supported (only sha256)",
        failure(local("md5")));
  }

  @Test
  void aCompressionOtherThanGzipOrNoneIsRefused() {
    assertEquals(
        local("zstd/" + MANIFEST) + ": compression zstd is not supported (gzip or none)",
        failure(local("zstd")));
  }

  @Test
  void aManifestOfAnotherLayoutVersionIsRefused() {
    assertEquals(
        local("wrong-layout/" + MANIFEST) + ": manifest layout version 2, expected 3",
        failure(local("wrong-layout")));
  }

  @Test
  void aManifestEntryWithoutALengthIsRefused(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "{\"version\": 3, \"data\": [{\"mediaType\": \"x\"}]}");
    assertEquals(
        manifest + ": manifest entry 0: \"contentLength\" is not a length",
        failure(dir.toString()));
  }

  @Test
  void aManifestWhoseBlobIsMissingNamesTheBlob(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    Files.createDirectories(manifest.getParent());
    Files.writeString(
        manifest,
        "{\"version\": 3, \"data\": [{\"contentLength\": 46, \"mediaType\":"
            + " \"application/vnd.spack.db.v8+json\", \"compression\": \"none\","
            + " \"checksumAlgorithm\": \"sha256\", \"checksum\": \""
            + P8_SHA
            + "\"}]}");
    assertEquals(
        dir.resolve("blobs/sha256/32/" + P8_SHA) + ": no such file", failure(dir.toString()));
  }

  @Test
  void aFileUrlWithAHostIsRefused() {
    assertEquals(
        "file://server/share/index.json: not a valid file URL: URI has an authority component",
        failure("file://server/share/index.json"));
  }

  @Test
  void aUrlOfAnotherSchemeIsRefused() {
    assertEquals(
        "s3://spack-binaries/develop/build_cache/index.json: unsupported URL scheme"
            + " (http, https or file)",
        failure("s3://spack-binaries/develop/build_cache/index.json"));
  }

  @Test
  void aDirectoryWithoutAnIndexSaysWhereItLooked(@TempDir Path dir) {
    assertEquals(
        dir
            + ": no build-cache index: neither v3/manifests/index/index.manifest.json"
            + " nor build_cache/index.json exists",
        failure(dir.toString()));
  }

  @Test
  void aPathThatIsNotThereIsAnError() {
    assertEquals(local("nowhere") + ": no such file or directory", failure(local("nowhere")));
  }

  @Test
  void anIndexFileIsReadAsItIs() throws Exception {
    String file = local("v2/build_cache/index.json");
    assertBlob(file, P7, reader.read(file));
  }

  @Test
  void aManifestFileIsReadWithTheBlobsOfItsMirror() throws Exception {
    assertBlob(local("v3/blobs/sha256/cf/" + P8_GZ_SHA), P8, reader.read(local("v3/" + MANIFEST)));
  }

  @Test
  void aBlobFileIsCheckedAgainstItsNameAndGunzipped() throws Exception {
    String blob = local("v3/blobs/sha256/cf/" + P8_GZ_SHA);
    assertBlob(blob, P8, reader.read(blob));
  }

  @Test
  void aCorruptedBlobFileIsRefusedByItsName() {
    String blob = local("corrupt/blobs/sha256/cf/" + P8_GZ_SHA);
    assertEquals(
        blob + ": sha256 checksum mismatch: expected " + P8_GZ_SHA + ", actual " + CORRUPT_SHA,
        failure(blob));
  }

  @Test
  void aFileUrlIsReadAsItsPath() throws Exception {
    assertBlob(
        local("v2/build_cache/index.json"),
        P7,
        reader.read(MIRRORS.resolve("v2").toUri().toString()));
  }

  @Test
  void aLocalFileOverTheSizeLimitIsRefused() {
    assertEquals(
        local("v2/build_cache/index.json") + ": file is larger than the limit of 45 bytes",
        failure(limitedTo(45), local("v2")));
  }

  @Test
  void aGzipThatInflatesPastTheSizeLimitIsStopped(@TempDir Path dir) throws IOException {
    Path bomb = dir.resolve("index.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      out.write(new byte[1000]);
    }
    assertEquals(
        bomb + ": decompressed index is larger than the limit of 500 bytes",
        failure(limitedTo(500), bomb.toString()));
  }

  // --- over HTTP ---

  @Test
  void aV2MirrorOverHttpGivesItsBuildCacheIndex() throws Exception {
    assertBlob(base + "/mirrors/v2/build_cache/index.json", P7, reader.read(base + "/mirrors/v2"));
  }

  @Test
  void aV3MirrorOverHttpGivesTheGunzippedBlob() throws Exception {
    assertBlob(
        base + "/mirrors/v3/blobs/sha256/cf/" + P8_GZ_SHA, P8, reader.read(base + "/mirrors/v3/"));
  }

  @Test
  void aV3MirrorBuiltHereIsReadLocallyAndOverHttp() throws Exception {
    String blob = "blobs/sha256/" + builtSha.substring(0, 2) + "/" + builtSha;
    assertBlob(built.resolve(blob).toString(), P8, reader.read(built.toString()));
    assertBlob(base + "/built/" + blob, P8, reader.read(base + "/built"));
  }

  @Test
  void aCorruptedBlobOverHttpIsRefusedWithBothChecksums() {
    assertEquals(
        base
            + "/mirrors/corrupt/blobs/sha256/cf/"
            + P8_GZ_SHA
            + ": sha256 checksum mismatch: expected "
            + P8_GZ_SHA
            + ", actual "
            + CORRUPT_SHA,
        failure(base + "/mirrors/corrupt"));
  }

  @Test
  void aMirrorBehindARedirectIsReadAsTheMirror() throws Exception {
    assertBlob(
        base + "/moved/v3/blobs/sha256/cf/" + P8_GZ_SHA, P8, reader.read(base + "/moved/v3"));
  }

  @Test
  void fourRedirectsAreFollowedAndAFifthIsNot() throws Exception {
    assertBlob(base + "/hop/4/index.json", P7, reader.read(base + "/hop/4/index.json"));
    assertEquals(
        base
            + "/hop/5/index.json: HTTP status 302"
            + NOT_FOLLOWED
            + " from "
            + base
            + "/hop/1/index.json",
        failure(base + "/hop/5/index.json"));
  }

  @Test
  void aMissingFileIsA404Error() {
    assertEquals(
        base + "/mirrors/v2/none.json: HTTP status 404", failure(base + "/mirrors/v2/none.json"));
  }

  @Test
  void a404AfterARedirectNamesWhereItWasRedirected() {
    assertEquals(
        base + "/moved/v2/none.json: HTTP status 404 from " + base + "/mirrors/v2/none.json",
        failure(base + "/moved/v2/none.json"));
  }

  @Test
  void aMirrorUrlWithoutAnIndexSaysWhereItLooked() {
    assertEquals(
        base
            + "/mirrors/empty: no build-cache index: neither"
            + " v3/manifests/index/index.manifest.json nor build_cache/index.json exists",
        failure(base + "/mirrors/empty"));
  }

  @Test
  void aServerErrorOnTheManifestIsAnErrorNotAFallBackToV2() {
    assertEquals(base + "/fail/m/" + MANIFEST + ": HTTP status 500", failure(base + "/fail/m"));
  }

  @Test
  void aBodyOverTheSizeLimitIsCutOffAndOneAtTheLimitIsRead() throws Exception {
    String index = base + "/mirrors/v2/build_cache/index.json";
    assertEquals(
        index + ": body is larger than the limit of 45 bytes", failure(limitedTo(45), index));
    assertBlob(index, P7, limitedTo(46).read(index));
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsAnError() {
    MirrorReader impatient =
        new MirrorReader(new HttpFetcher(Duration.ofSeconds(5), Duration.ofMillis(300), 1000));
    assertEquals(
        base + "/slow/index.json: no complete response within 300 ms",
        failure(impatient, base + "/slow/index.json"));
  }

  @Test
  void aPortWithoutAServerCannotBeFetched() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/index.json";
    assertEquals(url + ": cannot fetch: ConnectException", failure(url));
  }

  @Test
  void aUrlThatDoesNotParseIsAnError() {
    assertEquals(
        "http://bad host/index.json: not a valid URL: Illegal character in authority",
        failure("http://bad host/index.json"));
  }

  // --- over HTTPS ---

  @Test
  void aV3MirrorOverHttpsIsReadTheSameWay() throws Exception {
    MirrorReader overTls =
        new MirrorReader(
            new HttpFetcher(Duration.ofSeconds(5), Duration.ofSeconds(30), 1000, clientTls));
    assertBlob(
        tlsBase + "/mirrors/v3/blobs/sha256/cf/" + P8_GZ_SHA,
        P8,
        overTls.read(tlsBase + "/mirrors/v3"));
  }

  @Test
  void aRedirectFromHttpsDownToHttpIsNotFollowed() {
    MirrorReader overTls =
        new MirrorReader(
            new HttpFetcher(Duration.ofSeconds(5), Duration.ofSeconds(30), 1000, clientTls));
    String url = tlsBase + "/down/v2/build_cache/index.json";
    assertEquals(url + ": HTTP status 302" + NOT_FOLLOWED, failure(overTls, url));
  }

  @Test
  void limitsMustBePositive() {
    assertEquals(
        "requestTimeout must be positive",
        assertThrows(
                IllegalArgumentException.class,
                () -> new HttpFetcher(Duration.ofSeconds(1), Duration.ZERO, 10))
            .getMessage());
    assertEquals(
        "maxBytes must be in 1..2147483639",
        assertThrows(
                IllegalArgumentException.class,
                () -> new HttpFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
            .getMessage());
  }
}
