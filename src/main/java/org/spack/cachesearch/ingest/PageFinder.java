package org.spack.cachesearch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the page files under the paths given to an ingest: a file is taken as it is; in a tree
 * every {@code specs.md}, and any other {@code .md} whose front matter says {@code layout: cache}.
 */
public final class PageFinder {
  private static final int HEADER_LINES = 12;

  private PageFinder() {}

  /** Page files in a stable (sorted) order, each once. */
  public static List<Path> find(List<Path> roots) throws IOException {
    TreeSet<Path> pages = new TreeSet<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        pages.add(root.normalize());
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(PageFinder::isPage)
            .forEach(p -> pages.add(p.normalize()));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return new ArrayList<>(pages);
  }

  private static boolean isPage(Path file) {
    String name = file.getFileName().toString();
    if (name.equals("specs.md")) {
      return true;
    }
    return name.endsWith(".md") && saysLayoutCache(file);
  }

  /** Reads only the first lines: a tree may hold many large markdown files that are not pages. */
  private static boolean saysLayoutCache(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null || !line.strip().equals(FrontMatter.FENCE)) {
        return false;
      }
      for (int i = 0; i < HEADER_LINES && (line = in.readLine()) != null; i++) {
        if (line.strip().equals(FrontMatter.FENCE)) {
          return false;
        }
        if (line.strip().replace("\"", "").equals("layout: cache")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      // Unreadable or not text: not a page we can say anything about.
      return false;
    }
  }
}
