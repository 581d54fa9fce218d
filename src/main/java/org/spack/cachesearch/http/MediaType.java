package org.spack.cachesearch.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One media type or media range from a {@code Content-Type} or {@code Accept} header, lower-cased,
 * with its parameters ({@code charset}, {@code q}).
 */
record MediaType(String type, String subtype, Map<String, String> parameters) {

  MediaType {
    parameters = Map.copyOf(parameters);
  }

  /** Parses {@code type/subtype; name=value; ...}; empty when there is no {@code type/subtype}. */
  static Optional<MediaType> parse(String value) {
    String[] parts = value.split(";", -1);
    String[] name = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
    if (name.length != 2 || name[0].isEmpty() || name[1].isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals > 0) {
        String key = parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT);
        String val = parts[i].substring(equals + 1).trim().replace("\"", "");
        parameters.putIfAbsent(key, val);
      }
    }
    return Optional.of(new MediaType(name[0], name[1], parameters));
  }

  /** Parses every comma-separated range of one or more {@code Accept} headers. */
  static List<MediaType> parseAll(Iterable<String> headers) {
    List<MediaType> ranges = new ArrayList<>();
    for (String header : headers) {
      for (String range : header.split(",", -1)) {
        parse(range).ifPresent(ranges::add);
      }
    }
    return ranges;
  }

  boolean is(String typeAndSubtype) {
    return (type + "/" + subtype).equals(typeAndSubtype);
  }

  /** The {@code q} weight, 1 when absent; 0 when it is not a number in [0, 1]. */
  double quality() {
    String q = parameters.get("q");
    if (q == null) {
      return 1;
    }
    try {
      double quality = Double.parseDouble(q);
      return quality >= 0 && quality <= 1 ? quality : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * How closely this range names {@code typeAndSubtype}: 2 exactly, 1 as {@code type/*}, 0 as
   * <code>*&#47;*</code>; -1 when it does not match.
   */
  int specificity(String typeAndSubtype) {
    if (is(typeAndSubtype)) {
      return 2;
    }
    if (subtype.equals("*") && typeAndSubtype.startsWith(type + "/")) {
      return 1;
    }
    return type.equals("*") && subtype.equals("*") ? 0 : -1;
  }
}
