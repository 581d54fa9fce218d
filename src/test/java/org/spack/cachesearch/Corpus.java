package org.spack.cachesearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
  public record RawPage(
      Path file, String tag, String name, int numSpecs, JsonNode meta, JsonNode specs) {}

  /** One entry of a page's {@code spec_details}, with the page's tag and package. */
  public record RawSpec(String tag, String name, JsonNode spec) {
    public String hash() {
      return spec.get("hash").asText();
    }

    /** {@code tag/hash}: one index document. */
    public String id() {
      return tag + "/" + hash();
    }

    public String text(String field) {
      return spec.get(field).asText();
    }

    public List<String> strings(String field) {
      List<String> out = new ArrayList<>();
      spec.get(field).forEach(v -> out.add(v.asText()));
      return out;
    }

    /** The compiler without Spack's {@code =}: gcc@=11.4.0 is gcc@11.4.0. */
    public String compiler() {
      return text("compiler").replace("@=", "@");
    }
  }

  /** Every spec of every page under {@code tree}. */
  public static List<RawSpec> rawSpecs(Path tree) {
    return rawPages(tree).stream()
        .flatMap(
            page ->
                StreamSupport.stream(page.specs().spliterator(), false)
                    .map(spec -> new RawSpec(page.tag(), page.name(), spec)))
        .toList();
  }

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
      return new RawPage(file, tag, title, meta.get("num_specs").asInt(), meta, specs);
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
