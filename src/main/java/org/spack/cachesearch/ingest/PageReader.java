package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one page file into a {@link Page}: finds the front matter, parses it as YAML keeping the
 * file line of every key and spec, and checks it. Thread-safe; never throws for bad input: a page
 * over its {@link PageLimits}, not UTF-8, or hostile YAML is one error with its line.
 */
public final class PageReader {
  /** Jackson names its own settings in its messages; a page's author needs only the numbers. */
  private static final Pattern JACKSON_SETTING = Pattern.compile(", from `[^`]*`");

  private final PageLimits limits;
  private final JsonLines jsonLines;
  private final ObjectMapper yaml;
  private final YamlGuard guard;

  public PageReader() {
    this(PageLimits.DEFAULT);
  }

  public PageReader(PageLimits limits) {
    this.limits = limits;
    // Strings and names as long as the page itself. A JSON line sits under a top-level key: one
    // level less deep than the limit (a deeper one falls to the YAML path, which says so).
    this.jsonLines =
        new JsonLines(
            new ObjectMapper(
                JsonFactory.builder()
                    .streamReadConstraints(constraints(limits, limits.maxNesting() - 1))
                    .build()));
    // SnakeYAML refuses documents over 3 MB of code points by default; real pages reach several.
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limits.maxBytes());
    this.guard = new YamlGuard(options, limits.maxNesting());
    // As in YAML itself, a key with no value ("meta:") is null, not the empty string.
    this.yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(constraints(limits, limits.maxNesting()))
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build());
  }

  private static StreamReadConstraints constraints(PageLimits limits, int depth) {
    return StreamReadConstraints.builder()
        .maxStringLength(limits.maxBytes())
        .maxNameLength(limits.maxBytes())
        .maxNestingDepth(depth)
        .build();
  }

  public ReadResult read(Path file) {
    try {
      return read(file, PageText.bytes(file, limits.maxBytes()));
    } catch (PageFault f) {
      return new PageProblems(file.toString()).failed(f.line(), f.getMessage(), keyFromPath(file));
    }
  }

  /** Reads a page whose bytes are already read; {@code file} names it and may give its key. */
  ReadResult read(Path file, byte[] bytes) {
    String path = file.toString();
    Optional<PageKey> pathKey = keyFromPath(file);
    PageProblems problems = new PageProblems(path);
    FrontMatter frontMatter;
    try {
      frontMatter = FrontMatter.find(PageText.decode(bytes));
    } catch (PageFault f) {
      return problems.failed(f.line(), f.getMessage(), pathKey);
    } catch (FrontMatter.Missing e) {
      return problems.failed(1, e.getMessage(), pathKey);
    }
    Optional<Integer> legacy = legacyLine(frontMatter);
    if (legacy.isPresent()) {
      problems.warning(
          legacy.get(),
          "legacy format (category: package with spec_files/spec_names), not indexed");
      return problems.result(ReadResult.Kind.LEGACY, null, pathKey.orElse(null));
    }
    Map<String, Located> fields = new HashMap<>();
    List<Located> specNodes = new ArrayList<>();
    if (!parse(frontMatter, fields, specNodes, problems)) {
      return problems.result(ReadResult.Kind.FAILED, null, pathKey.orElse(null));
    }
    return new PageChecker(path, pathKey, fields, specNodes, problems).build();
  }

  /** Old pages list spec files instead of spec details; we recognise them and skip them. */
  private static Optional<Integer> legacyLine(FrontMatter frontMatter) {
    if (frontMatter.lineOfKey("spec_details:").isPresent()) {
      return Optional.empty();
    }
    return frontMatter
        .lineOfKey("spec_files:")
        .or(() -> frontMatter.lineOfKey("spec_names:"))
        .or(() -> frontMatter.lineOfKey("category: package"));
  }

  /**
   * Parses the front matter: top-level keys into {@code fields}, each {@code spec_details} entry
   * into {@code specs}, with the file line each starts on. False after a syntax error or a repeated
   * key (a second {@code spec_details} would otherwise add its specs to the first's).
   */
  private boolean parse(
      FrontMatter fm, Map<String, Located> fields, List<Located> specs, PageProblems problems) {
    String rest = jsonLines.take(fm, fields, specs, problems);
    boolean repeated = problems.hasErrors();
    try {
      guard.check(rest, fm.firstLine());
    } catch (PageFault f) {
      problems.error(f.line(), f.getMessage());
      return false;
    }
    try (JsonParser p = yaml.createParser(rest)) {
      JsonToken token = p.nextToken();
      if (token == null && !fields.isEmpty()) {
        return !repeated;
      }
      if (token != JsonToken.START_OBJECT) {
        problems.error(
            fm.firstLine(),
            token == null
                ? "empty front matter"
                : "front matter must be a mapping of keys to values");
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = fm.fileLine(p.currentTokenLocation().getLineNr());
        if (fields.containsKey(key)) {
          int other = fields.get(key).line();
          problems.error(Math.max(line, other), JsonLines.duplicate(key, Math.min(line, other)));
          repeated = true;
        }
        if (p.nextToken() == JsonToken.START_ARRAY && key.equals(JsonLines.SPEC_DETAILS)) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            int specLine = fm.fileLine(p.currentTokenLocation().getLineNr());
            specs.add(new Located(p.readValueAsTree(), specLine));
          }
          fields.put(key, new Located(yaml.createArrayNode(), line));
        } else {
          JsonNode node = p.readValueAsTree();
          fields.put(key, new Located(node, line));
        }
      }
      return !repeated;
    } catch (JsonProcessingException e) {
      syntaxError(fm, rest, e, problems);
      return false;
    } catch (IOException e) {
      problems.error(fm.firstLine(), "cannot parse front matter: " + e.getMessage());
      return false;
    }
  }

  /** What the YAML guard let through and Jackson still refused (a string over the limit). */
  private static void syntaxError(
      FrontMatter fm, String rest, JsonProcessingException e, PageProblems problems) {
    if (e.getCause() instanceof MarkedYAMLException yamlError) {
      PageFault fault = YamlSyntaxError.fault(rest, fm.firstLine(), yamlError);
      problems.error(fault.line(), fault.getMessage());
      return;
    }
    JsonLocation at = e.getLocation();
    String message = JACKSON_SETTING.matcher(e.getOriginalMessage()).replaceAll("");
    problems.error(
        fm.fileLine(at == null ? 1 : at.getLineNr()), "cannot read front matter: " + message);
  }

  /** {@code .../_cache/<tag>/<package>/<file>}: the layout of the cache.spack.io repository. */
  static Optional<PageKey> keyFromPath(Path file) {
    for (int i = file.getNameCount() - 4; i >= 0; i--) {
      if (file.getName(i).toString().equals("_cache")) {
        return Optional.of(
            new PageKey(file.getName(i + 1).toString(), file.getName(i + 2).toString()));
      }
    }
    return Optional.empty();
  }
}
