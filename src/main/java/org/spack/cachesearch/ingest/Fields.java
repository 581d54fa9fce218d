package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Typed reads of one JSON/YAML object's fields; every wrong or missing value is told to the error
 * sink with the field's name and what was found instead, and reads as null.
 */
final class Fields {
  private final JsonNode object;
  private final String where;
  private final Consumer<String> errors;

  Fields(JsonNode object, String where, Consumer<String> errors) {
    this.object = object;
    this.where = where;
    this.errors = errors;
  }

  JsonNode get(String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }

  String requiredText(String field) {
    JsonNode value = get(field);
    if (value == null) {
      error("missing required field '" + field + "'");
      return null;
    }
    return text(field, value);
  }

  String optionalText(String field) {
    JsonNode value = get(field);
    return value == null ? null : text(field, value);
  }

  /** A list of scalars as strings; {@code required} decides whether absence is an error. */
  List<String> strings(String field, boolean required) {
    JsonNode value = get(field);
    if (value == null) {
      if (required) {
        error("missing required field '" + field + "'");
        return null;
      }
      return List.of();
    }
    if (!value.isArray()) {
      error("'" + field + "' must be a list of strings, not " + describe(value));
      return null;
    }
    List<String> out = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        error("'" + field + "' must be a list of strings, but has " + describe(item));
        return null;
      }
      if (item.asText().isBlank()) {
        error("'" + field + "' must not hold an empty string");
        return null;
      }
      out.add(item.asText());
    }
    return out;
  }

  void error(String message) {
    errors.accept(where.isEmpty() ? message : where + ": " + message);
  }

  private String text(String field, JsonNode value) {
    // Numbers and booleans are scalars in YAML too (a version 1.2 unquoted): accept their text.
    if (!value.isValueNode()) {
      error("'" + field + "' must be a string, not " + describe(value));
      return null;
    }
    if (value.asText().isBlank()) {
      error("'" + field + "' must not be empty");
      return null;
    }
    return value.asText();
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    return "a string";
  }
}
