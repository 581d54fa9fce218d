package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one page file into a {@link Page}: finds the front matter, parses it as YAML keeping the
 * file line of every key and spec, and checks it. Thread-safe; never throws for bad input. (Over
 * 200 lines: front matter, the JSON fast path and the YAML path share the line bookkeeping.)
 */
public final class PageReader {
  /** SnakeYAML refuses documents over 3 MB of code points by default; real pages reach several. */
  private static final int CODE_POINT_LIMIT = 512 * 1024 * 1024;

  private static final String SPEC_DETAILS = "spec_details";

  /** A top-level key whose value starts like JSON: {@code spec_details: [{"hash": ...}]}. */
  private static final Pattern JSON_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): *[\\[{]");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectMapper yaml;

  public PageReader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(CODE_POINT_LIMIT);
    // As in YAML itself, a key with no value ("meta:") is null, not the empty string.
    this.yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build());
  }

  public ReadResult read(Path file) {
    String path = file.toString();
    Optional<PageKey> pathKey = keyFromPath(file);
    PageProblems problems = new PageProblems(path);
    String text;
    try {
      // A decoder of its own reports malformed input instead of replacing it.
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      return problems.failed(1, "not UTF-8 text", pathKey);
    } catch (NoSuchFileException e) {
      return problems.failed(1, "cannot read: no such file", pathKey);
    } catch (AccessDeniedException e) {
      return problems.failed(1, "cannot read: permission denied", pathKey);
    } catch (IOException e) {
      return problems.failed(1, "cannot read: " + e.getMessage(), pathKey);
    }
    FrontMatter frontMatter;
    try {
      frontMatter = FrontMatter.find(text);
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
    String rest = takeJsonLines(fm, fields, specs, problems);
    boolean repeated = problems.hasErrors();
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
          problems.error(
              Math.max(line, other),
              "duplicate key '" + key + "' (first on line " + Math.min(line, other) + ")");
          repeated = true;
        }
        if (p.nextToken() == JsonToken.START_ARRAY && key.equals(SPEC_DETAILS)) {
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
      syntaxError(fm, e, problems);
      return false;
    } catch (IOException e) {
      problems.error(fm.firstLine(), "cannot parse front matter: " + e.getMessage());
      return false;
    }
  }

  /**
   * Real pages write {@code meta} and {@code spec_details} as one line of JSON, megabytes long: a
   * JSON parser reads those lines many times faster than YAML's. Each top-level {@code key: [..]}
   * or {@code key: {..}} line that is valid JSON is taken here and blanked (so YAML line numbers
   * still hold); anything else is left for the YAML parser. Returns what is left.
   */
  private String takeJsonLines(
      FrontMatter fm, Map<String, Located> fields, List<Located> specs, PageProblems problems) {
    String[] lines = fm.yaml().split("\n", -1);
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = JSON_LINE.matcher(lines[i]);
      JsonNode node = m.lookingAt() ? json(lines[i].substring(m.end() - 1)) : null;
      if (node == null) {
        rest.append(lines[i]).append('\n');
        continue;
      }
      int line = fm.fileLine(i + 1);
      String key = m.group(1);
      if (fields.containsKey(key)) {
        problems.error(
            line, "duplicate key '" + key + "' (first on line " + fields.get(key).line() + ")");
      }
      if (key.equals(SPEC_DETAILS) && node.isArray()) {
        node.forEach(spec -> specs.add(new Located(spec, line)));
        node = yaml.createArrayNode();
      }
      fields.put(key, new Located(node, line));
      rest.append('\n');
    }
    return rest.toString();
  }

  private JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void syntaxError(
      FrontMatter fm, JsonProcessingException e, PageProblems problems) {
    if (e.getCause() instanceof MarkedYAMLException yamlError
        && yamlError.getProblemMark() != null) {
      String context = yamlError.getContext() == null ? "" : " (" + yamlError.getContext() + ")";
      problems.error(
          fm.fileLine(yamlError.getProblemMark().getLine() + 1),
          "YAML syntax error: " + yamlError.getProblem() + context);
      return;
    }
    JsonLocation at = e.getLocation();
    problems.error(
        fm.fileLine(at == null ? 1 : at.getLineNr()),
        "YAML syntax error: " + e.getOriginalMessage());
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
