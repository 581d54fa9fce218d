package org.spack.cachesearch.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.spack.cachesearch.ingest.MirrorReaderTest.P7;
import static org.spack.cachesearch.ingest.MirrorReaderTest.P8;
import static org.spack.cachesearch.ingest.MirrorReaderTest.P8_GZ_SHA;
import static org.spack.cachesearch.ingest.MirrorReaderTest.P8_SHA;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  static ExecutorService threads;
  static HttpServer server;
  static String base;

  @TempDir Path dir;
  final HttpFetcher http = new HttpFetcher();

  @BeforeAll
  static void start() throws IOException {
    threads = Executors.newCachedThreadPool();
    server = MirrorReaderTest.startServer(threads);
    base = MirrorReaderTest.base(server, "http");
    // Two releases of two stacks, each a different way to point at an index, as the catalogue
    // of binaries.spack.io points at a v2 index.json or straight at a v3 blob.
    String catalogue =
        String.format(
            "{\"v1.0.0\": [{\"label\": \"e4s\", \"url\": \"%1$s/mirrors/v3\"},"
                + " {\"label\": \"ml\", \"url\": \"%1$s/mirrors/v2/build_cache/index.json\"}],"
                + " \"develop\": [{\"label\": \"e4s\","
                + " \"url\": \"%1$s/mirrors/v3/blobs/sha256/cf/%2$s\"},"
                + " {\"label\": \"root\", \"url\": \"%1$s/moved/both\"}]}",
            base, P8_GZ_SHA);
    server.createContext(
        "/cache_spack_io_index.json",
        ex -> MirrorReaderTest.respond(ex, 200, catalogue.getBytes(UTF_8)));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("cache_spack_io_index.json"), json);
  }

  String failure(String location) {
    return assertThrows(BuildCacheException.class, () -> Catalog.read(location, http)).getMessage();
  }

  @Test
  void aCatalogueOverHttpListsEveryReleaseAndStackInOrder() throws Exception {
    assertEquals(
        List.of(
            new CatalogEntry("v1.0.0", "e4s", base + "/mirrors/v3"),
            new CatalogEntry("v1.0.0", "ml", base + "/mirrors/v2/build_cache/index.json"),
            new CatalogEntry("develop", "e4s", base + "/mirrors/v3/blobs/sha256/cf/" + P8_GZ_SHA),
            new CatalogEntry("develop", "root", base + "/moved/both")),
        Catalog.read(base + "/cache_spack_io_index.json", http));
  }

  @Test
  void everyLocationOfTheCatalogueIsReadByTheMirrorReader() throws Exception {
    MirrorReader reader = new MirrorReader(http);
    List<DatabaseBlob> blobs = new ArrayList<>();
    for (CatalogEntry entry : Catalog.read(base + "/cache_spack_io_index.json", http)) {
      blobs.add(reader.read(entry.location()));
    }
    List<String> sources = blobs.stream().map(DatabaseBlob::source).toList();
    List<String> jsons = blobs.stream().map(b -> new String(b.json(), UTF_8)).toList();
    assertEquals(
        List.of(
            base + "/mirrors/v3/blobs/sha256/cf/" + P8_GZ_SHA,
            base + "/mirrors/v2/build_cache/index.json",
            base + "/mirrors/v3/blobs/sha256/cf/" + P8_GZ_SHA,
            base + "/moved/both/blobs/sha256/32/" + P8_SHA),
        sources);
    assertEquals(List.of(P8, P7, P8, P8), jsons);
  }

  @Test
  void theSpackBucketIsReadOverHttpsAndOtherLocationsAreKept() throws Exception {
    Path file =
        write(
            "{\"v0.23.1\": [{\"label\": \"root\", \"url\":"
                + " \"s3://spack-binaries/v0.23.1/build_cache/index.json\"}],"
                + " \"develop\": [{\"label\": \"local\", \"url\": \"/srv/mirror\"}]}");
    assertEquals(
        List.of(
            new CatalogEntry(
                "v0.23.1", "root", "https://binaries.spack.io/v0.23.1/build_cache/index.json"),
            new CatalogEntry("develop", "local", "/srv/mirror")),
        Catalog.read(file.toUri().toString(), http));
  }

  @Test
  void anotherBucketIsRefusedForItIsNotServedOverHttps() throws IOException {
    Path file =
        write("{\"v1.0.0\": [{\"label\": \"e4s\", \"url\": \"s3://other/v1/index.json\"}]}");
    assertEquals(
        file
            + ": release v1.0.0, stack 0: s3://other/v1/index.json is not served over HTTPS"
            + " (only s3://spack-binaries/ is)",
        failure(file.toString()));
  }

  @Test
  void aStackWithoutAUrlIsRefused() throws IOException {
    Path file = write("{\"v1.0.0\": [{\"label\": \"e4s\"}]}");
    assertEquals(
        file + ": release v1.0.0, stack 0: \"url\" is not a string", failure(file.toString()));
  }

  @Test
  void aReleaseWhoseStacksAreNotAListIsRefused() throws IOException {
    Path file = write("{\"v1.0.0\": {\"label\": \"e4s\"}}");
    assertEquals(file + ": release v1.0.0: stacks are not a list", failure(file.toString()));
  }

  @Test
  void aCatalogueThatIsNotAnObjectIsRefused() throws IOException {
    Path file = write("[]");
    assertEquals(
        file + ": not a catalogue: a JSON object from release to stacks", failure(file.toString()));
  }

  @Test
  void aCatalogueThatIsNotJsonSaysWhere() throws IOException {
    Path file = write("{\"v1.0.0\": [\n}");
    assertEquals(file + ": not valid JSON at line 2, column 1", failure(file.toString()));
  }

  @Test
  void aMissingCatalogueIsA404Error() {
    assertEquals(
        base + "/mirrors/none.json: HTTP status 404", failure(base + "/mirrors/none.json"));
  }
}
