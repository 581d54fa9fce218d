package org.spack.cachesearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;

/**
 * A Solr home holding the one bench core, whose configuration is this jar's {@code solr/}
 * resources; its index lives inside the home, so the home is Solr's index directory.
 */
final class SolrHome {
  static final String CORE = "bench";

  private SolrHome() {}

  /** Writes the core's files under the empty {@code home} and starts Solr on it. */
  static EmbeddedSolrServer create(Path home) throws IOException {
    Path conf = Files.createDirectories(home.resolve(CORE).resolve("conf"));
    Files.writeString(home.resolve(CORE).resolve("core.properties"), "name=" + CORE + "\n");
    copy("solr.xml", home);
    copy("solrconfig.xml", conf);
    copy("schema.xml", conf);
    return open(home);
  }

  private static void copy(String resource, Path dir) throws IOException {
    try (InputStream in = SolrHome.class.getResourceAsStream("/solr/" + resource)) {
      if (in == null) {
        throw new IOException("no resource solr/" + resource);
      }
      Files.copy(in, dir.resolve(resource));
    }
  }

  /** Starts Solr on a home that {@link #create} wrote. */
  static EmbeddedSolrServer open(Path home) {
    return new EmbeddedSolrServer(home, CORE);
  }
}
