package org.spack.cachesearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real pages in {@code ../shared/corpus}, and facts read straight from their text with a plain
 * JSON parser, independent of the project's reader, to check the index against.
 */
public final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  public static Path shared() {
    return Path.of(System.getProperty("shared.dir", "../shared"));
  }

  /** The cache.spack.io tree: {@code _cache/<tag>/<package>/specs.md}. */
  public static Path cacheTree() {
    return shared().resolve("corpus/cache.spack.io");
  }

  /** One page as the file says it, read without the project's code. */
  public record RawPage(Path file, String tag, String name, int numSpecs, JsonNode specs) {}

  public static List<RawPage> rawPages(Path tree) {
    try (Stream<Path> files = Files.walk(tree)) {
      return files
          .filter(p -> p.getFileName().toString().equals("specs.md"))
          .sorted()
          .map(Corpus::rawPage)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RawPage rawPage(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String title = value(lines, "title: ").replace("\"", "");
      String categories = value(lines, "categories: ");
      String tag =
          categories.substring(categories.indexOf(',') + 1, categories.indexOf(']')).strip();
      JsonNode meta = JSON.readTree(value(lines, "meta: "));
      JsonNode specs = JSON.readTree(value(lines, "spec_details: "));
      return new RawPage(file, tag, title, meta.get("num_specs").asInt(), specs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page's {@code meta}, as the file says it. */
  public static JsonNode meta(RawPage page) {
    try {
      return JSON.readTree(
          value(Files.readAllLines(page.file(), StandardCharsets.UTF_8), "meta: "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(List<String> lines, String prefix) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix))
        .substring(prefix.length());
  }
}
