package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path tmp;

  private static int numDocs(Path index) throws Exception {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  @Test
  void anEmptyIndexIsFilledFromTheBundledSampleOnce() throws Exception {
    Path index = tmp.resolve("index");
    StringWriter err = new StringWriter();

    ServeCommand.ingestSampleIfEmpty(index, new PrintWriter(err));
    assertEquals(905, numDocs(index));
    assertEquals(
        "serve: no index at " + index + "; ingesting the bundled sample first\n", err.toString());

    StringWriter again = new StringWriter();
    ServeCommand.ingestSampleIfEmpty(index, new PrintWriter(again));
    assertEquals("", again.toString());
    assertEquals(905, numDocs(index));
  }

  @Test
  void theHealthProbeFailsWhenNothingListens() {
    assertEquals(false, HealthProbe.check("http://127.0.0.1:9/health"));
  }
}
