package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a spec-file node's {@code parameters} (and {@code patches}) into variants spelled as a
 * concrete spec prints them: {@code +shared}, {@code ~asan}, {@code build_system=cmake}, {@code
 * languages:=c,c++}, {@code patches:=abcdef1}.
 */
final class NodeParameters {
  /** Spack keeps these apart from variants, as the spec's compiler flags. */
  static final Set<String> FLAGS =
      Set.of("cflags", "cxxflags", "fflags", "cppflags", "ldflags", "ldlibs");

  private static final int PATCH_PREFIX = 7;

  private NodeParameters() {}

  /**
   * The variants of {@code node}, sorted by name; {@code parse} turns a spelling into a Variant.
   */
  static List<Variant> variants(JsonNode node, Function<String, Variant> parse) {
    List<Variant> variants = new ArrayList<>();
    JsonNode parameters = node.path("parameters");
    parameters
        .properties()
        .forEach(
            p -> {
              if (!FLAGS.contains(p.getKey())) {
                variants.add(parse.apply(spell(p.getKey(), p.getValue())));
              }
            });
    JsonNode patches = node.path("patches");
    if (!parameters.has("patches") && patches.isArray() && !patches.isEmpty()) {
      variants.add(parse.apply(spell("patches", patches)));
    }
    variants.sort(Comparator.comparing(Variant::name));
    return variants;
  }

  /** The non-empty compiler flags of {@code node}, each name to its JSON text. */
  static void flags(JsonNode node, Map<String, String> into) {
    node.path("parameters")
        .properties()
        .forEach(
            p -> {
              JsonNode value = p.getValue();
              boolean empty = value.isNull() || (value.isContainerNode() && value.isEmpty());
              if (FLAGS.contains(p.getKey()) && !empty) {
                into.put(p.getKey(), value.toString());
              }
            });
  }

  /**
   * Spack quotes a value outside {@code [a-zA-Z0-9,/_.-]} ({@code languages:='c,c++'}); it is left
   * unquoted here, since {@link Variant#parse} splits on commas and does not unquote.
   */
  private static String spell(String name, JsonNode value) {
    if (value.isBoolean()) {
      return (value.booleanValue() ? "+" : "~") + name;
    }
    if (value.isArray()) {
      return name + ":=" + multi(name, value);
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("TRUE") || upper.equals("FALSE")) {
      return (upper.equals("TRUE") ? "+" : "~") + name;
    }
    return name + "=" + text;
  }

  /** Values as a set in sorted order, as Spack keeps them; patches by their first 7 characters. */
  private static String multi(String name, JsonNode values) {
    TreeSet<String> sorted = new TreeSet<>();
    values.forEach(v -> sorted.add(v.isValueNode() ? v.asText() : v.toString()));
    if (sorted.isEmpty()) {
      return "*";
    }
    List<String> shown = new ArrayList<>(sorted.size());
    for (String v : sorted) {
      boolean patch = name.equals("patches") && v.length() > PATCH_PREFIX;
      shown.add(patch ? v.substring(0, PATCH_PREFIX) : v);
    }
    return String.join(",", shown);
  }
}
