package org.spack.cachesearch.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample pages packaged in the jar ({@code /sample/_cache/<tag>/<package>/specs.md}), read in
 * place: from the jar through a zip file system, or from the class folder in development.
 */
final class BundledSample {
  static final String RESOURCE = "/sample/_cache";

  private BundledSample() {}

  /** Something to do with the sample's root folder while it is open. */
  interface Use<T> {
    T with(Path root) throws IOException;
  }

  static <T> T use(Use<T> use) throws IOException {
    URL url = BundledSample.class.getResource(RESOURCE);
    if (url == null) {
      throw new IOException("the bundled sample " + RESOURCE + " is not on the classpath");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("bad sample location " + url, e);
    }
    if (!uri.getScheme().equals("jar")) {
      return use.with(Path.of(uri));
    }
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return use.with(jar.getPath(RESOURCE));
    }
  }
}
