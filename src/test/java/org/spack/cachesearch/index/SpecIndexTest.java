package org.spack.cachesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;

/** Opening an index, for reading or writing, and the project's own errors when there is none. */
class SpecIndexTest {
  @TempDir Path tmp;

  @Test
  void readingAMissingDirectorySaysSoAndCreatesNothing() {
    Path dir = tmp.resolve("none");
    NoIndexException e = assertThrows(NoIndexException.class, () -> SpecIndex.open(dir));

    assertEquals(NoIndexException.Reason.MISSING, e.reason());
    assertEquals("no index there (" + dir + " does not exist); run ingest first", e.getMessage());
    assertFalse(Files.exists(dir));
  }

  @Test
  void readingAFileSaysItIsNotADirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x", StandardCharsets.UTF_8);
    NoIndexException e = assertThrows(NoIndexException.class, () -> SpecIndex.open(file));

    assertEquals(
        "no index there (" + file + " is a file, not a directory); give --index a directory",
        e.getMessage());
  }

  @Test
  void readingADirectoryWithoutACommitSaysSo() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    NoIndexException e = assertThrows(NoIndexException.class, () -> SpecIndex.open(dir));

    assertEquals(NoIndexException.Reason.NOT_AN_INDEX, e.reason());
    assertEquals(
        "no index there (" + dir + " is a directory without an index commit); run ingest first",
        e.getMessage());
  }

  @Test
  void anIngestRefusesAFileWhereTheIndexShouldBe() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x", StandardCharsets.UTF_8);
    IngestRun run =
        new IngestRun(IngestRun.Options.of(List.of(Corpus.cacheTree()), file), IngestProgress.NONE);

    NoIndexException e = assertThrows(NoIndexException.class, run::run);
    assertEquals(NoIndexException.Reason.FILE, e.reason());
    assertEquals("x", Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void emptyMeansNothingToServe() throws IOException {
    assertTrue(SpecIndex.isEmpty(tmp.resolve("none")));
    assertTrue(SpecIndex.isEmpty(Files.createDirectory(tmp.resolve("empty"))));
    // The repository's index/ folder keeps its README.
    Path withReadme = Files.createDirectory(tmp.resolve("index"));
    Files.writeString(withReadme.resolve("README.md"), "# index/", StandardCharsets.UTF_8);
    assertTrue(SpecIndex.isEmpty(withReadme));
    // What a first ingest killed before its commit leaves behind.
    Path unfinished = Files.createDirectory(tmp.resolve("unfinished"));
    Files.writeString(unfinished.resolve("write.lock"), "", StandardCharsets.UTF_8);
    Files.writeString(unfinished.resolve("_0.cfs"), "", StandardCharsets.UTF_8);
    assertTrue(SpecIndex.isEmpty(unfinished));

    Path full = tmp.resolve("full");
    new IngestRun(IngestRun.Options.of(List.of(Corpus.cacheTree()), full), IngestProgress.NONE)
        .run();
    assertFalse(SpecIndex.isEmpty(full));
    try (var reader = SpecIndex.open(full)) {
      assertEquals(905, reader.numDocs());
    }
  }
}
