package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.index.IngestProgress;
import org.spack.cachesearch.index.IngestRun;
import org.spack.cachesearch.index.IngestSummary;
import org.spack.cachesearch.index.NoIndexException;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Limits;
import org.spack.cachesearch.search.SearchIndex;

class ServedIndexTest {
  @TempDir Path tmp;

  private final StringWriter err = new StringWriter();
  private final List<IngestSummary> ingested = new ArrayList<>();

  /** Opens {@code dir} as serve does and returns its number of specs. */
  private int serve(Path dir) throws IOException {
    try (SearchIndex index =
            ServedIndex.open(
                dir, Limits.DEFAULT, Duration.ofHours(1), new PrintWriter(err), ingested::add);
        IndexView view = index.acquire()) {
      return view.numSpecs();
    }
  }

  private String sampleMessage(Path dir) {
    return "serve: no index at " + dir + "; ingesting the bundled sample first\n";
  }

  @Test
  void aMissingIndexIsFilledFromTheBundledSampleOnce() throws IOException {
    Path dir = tmp.resolve("index");

    assertEquals(905, serve(dir));
    assertEquals(sampleMessage(dir), err.toString());
    assertEquals(1, ingested.size());
    assertEquals(905, ingested.get(0).specs());

    assertEquals(905, serve(dir));
    assertEquals(sampleMessage(dir), err.toString());
    assertEquals(1, ingested.size());
  }

  @Test
  void aDirectoryWithoutACommitIsFilledFromTheBundledSample() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("index"));

    assertEquals(905, serve(dir));
    assertEquals(sampleMessage(dir), err.toString());
  }

  @Test
  void anIndexWithoutSpecsIsFilledFromTheBundledSample() throws IOException {
    Path dir = tmp.resolve("index");
    Path noPages = Files.createDirectory(tmp.resolve("no-pages"));
    IngestSummary empty =
        new IngestRun(IngestRun.Options.of(List.of(noPages), dir), IngestProgress.NONE).run();
    assertEquals(true, empty.committed());

    assertEquals(905, serve(dir));
    assertEquals(sampleMessage(dir), err.toString());
    assertEquals(905, ingested.get(0).specs());
  }

  @Test
  void anIndexPathThatIsAFileIsRefusedAndLeftAlone() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "not an index");

    NoIndexException e = assertThrows(NoIndexException.class, () -> serve(file));
    assertEquals(
        "no index there (" + file + " is a file, not a directory); give --index a directory",
        e.getMessage());
    assertEquals("not an index", Files.readString(file));
    assertEquals("", err.toString());
  }
}
