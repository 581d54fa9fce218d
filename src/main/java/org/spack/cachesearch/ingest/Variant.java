package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One variant of a spec as the page writes it ({@code +shared}, {@code ~asan}, {@code
 * build_system=cmake}, {@code libs:=shared,static}) and its parsed name and values.
 *
 * @param raw the string as the page spells it
 * @param name the variant name
 * @param values {@code true}/{@code false} for boolean variants, else the comma-separated values;
 *     empty only for a string that is none of Spack's forms
 */
public record Variant(String raw, String name, List<String> values) {

  public Variant {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }

  public static Variant parse(String raw) {
    int eq = raw.indexOf('=');
    if (eq > 0) {
      int nameEnd = raw.charAt(eq - 1) == ':' ? eq - 1 : eq;
      String name = raw.substring(0, nameEnd);
      List<String> values = List.of(raw.substring(eq + 1).split(",", -1));
      return new Variant(raw, name, values);
    }
    // "++x" / "~~x" propagate the variant to dependencies; "-x" is an older spelling of "~x".
    if (raw.startsWith("+")) {
      return new Variant(raw, stripLeading(raw, '+'), List.of("true"));
    }
    if (raw.startsWith("~") || raw.startsWith("-")) {
      return new Variant(raw, stripLeading(raw, raw.charAt(0)), List.of("false"));
    }
    return new Variant(raw, raw, List.of());
  }

  private static String stripLeading(String raw, char c) {
    int i = 0;
    while (i < raw.length() && raw.charAt(i) == c) {
      i++;
    }
    return raw.substring(i);
  }

  /** The values as one string, as written after the {@code =}: {@code shared,static}. */
  public String value() {
    return String.join(",", values);
  }

  /** The {@code name=value} forms, one per value: {@code +shared} gives {@code shared=true}. */
  public List<String> normalized() {
    if (values.isEmpty()) {
      return List.of(name);
    }
    if (values.size() == 1) { // nearly every variant; this runs for each at every ingest
      return List.of(name + "=" + values.get(0));
    }
    return values.stream().map(v -> name + "=" + v).toList();
  }
}
