package org.spack.cachesearch.ingest;

import java.io.IOException;
import java.io.InputStream;
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
  private static final int HEADER_BYTES = 4096;

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

  /**
   * Reads only the first bytes: a tree may hold many large markdown files that are not pages, and a
   * first line megabytes long. Decodes leniently, so that a page with a bad byte is still found and
   * the reader says where.
   */
  private static boolean saysLayoutCache(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEADER_BYTES);
    } catch (IOException e) {
      // Unreadable: not a page we can say anything about.
      return false;
    }
    String[] lines = new String(head, StandardCharsets.UTF_8).split("\n", HEADER_LINES + 2);
    if (!lines[0].replace("\uFEFF", "").strip().equals(FrontMatter.FENCE)) {
      return false;
    }
    for (int i = 1; i < Math.min(lines.length, HEADER_LINES + 1); i++) {
      String line = lines[i].strip();
      if (line.equals(FrontMatter.FENCE)) {
        return false;
      }
      if (line.replace("\"", "").equals("layout: cache")) {
        return true;
      }
    }
    return false;
  }
}
