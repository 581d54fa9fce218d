package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a front matter's one-line JSON values before the YAML is parsed. Real pages write {@code
 * meta} and {@code spec_details} as one line of JSON, megabytes long: a JSON parser reads those
 * lines many times faster than YAML's.
 */
final class JsonLines {
  static final String SPEC_DETAILS = "spec_details";

  /** A top-level key whose value starts like JSON: {@code spec_details: [{"hash": ...}]}. */
  private static final Pattern JSON_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): *[\\[{]");

  private final ObjectMapper json;

  JsonLines(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Each top-level {@code key: [..]} or {@code key: {..}} line that is valid JSON goes to {@code
   * fields} (each {@code spec_details} entry to {@code specs}) and is blanked, so that YAML line
   * numbers still hold; anything else is left for the YAML parser. Returns what is left.
   */
  String take(
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
        problems.error(line, duplicate(key, fields.get(key).line()));
      }
      if (key.equals(SPEC_DETAILS) && node.isArray()) {
        node.forEach(spec -> specs.add(new Located(spec, line)));
        node = JsonNodeFactory.instance.arrayNode();
      }
      fields.put(key, new Located(node, line));
      rest.append('\n');
    }
    return rest.toString();
  }

  static String duplicate(String key, int firstLine) {
    return "duplicate key '" + Printable.shorten(key) + "' (first on line " + firstLine + ")";
  }

  private JsonNode json(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
