package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one {@code spec_details} entry into a {@link Spec}, or tells why it cannot. Used by the
 * page reader and to decode the copy of the entry stored in the index.
 */
public final class SpecReader {
  private static final Set<String> KNOWN =
      Set.of(
          "hash", "compiler", "os", "platform", "target", "variants", "versions", "stacks", "size");

  private SpecReader() {}

  /**
   * Reads {@code node}; returns null after telling {@code errors} (each message prefixed with
   * {@code where}) when a field is missing or of the wrong type.
   */
  public static Spec read(JsonNode node, String where, Consumer<String> errors) {
    if (!node.isObject()) {
      errors.accept(where + ": a spec must be a mapping, not " + Fields.describe(node));
      return null;
    }
    int[] count = {0};
    Fields fields =
        new Fields(
            node,
            where,
            m -> {
              count[0]++;
              errors.accept(m);
            });
    String hash = fields.requiredText("hash");
    String compiler = fields.requiredText("compiler");
    String os = fields.requiredText("os");
    String platform = fields.requiredText("platform");
    String target = fields.requiredText("target");
    List<String> versions = fields.strings("versions", true);
    List<String> variants = fields.strings("variants", false);
    List<String> stacks = fields.strings("stacks", false);
    Long size = size(fields);
    if (hash != null && !Spec.isHash(hash)) {
      fields.error(
          "malformed hash "
              + Printable.quote(hash)
              + ": expected 32 characters of Spack's base32 alphabet a-z2-7");
    }
    if (count[0] > 0) {
      return null;
    }
    return new Spec(
        hash,
        Compiler.parse(compiler),
        os,
        platform,
        target,
        variants.stream().map(Variant::parse).toList(),
        versions,
        stacks,
        size,
        extra(node),
        List.of(),
        List.of());
  }

  private static Long size(Fields fields) {
    JsonNode size = fields.get("size");
    if (size == null || (size.isTextual() && size.asText().equals("-"))) {
      return null;
    }
    if (size.canConvertToLong() && size.isIntegralNumber() && size.asLong() >= 0) {
      return size.asLong();
    }
    if (size.isTextual() && size.asText().matches("[0-9]{1,18}")) {
      return Long.parseLong(size.asText());
    }
    fields.error(
        "'size' must be a number of bytes or \"-\", not "
            + Fields.describe(size)
            + (size.isValueNode() ? " " + Printable.quote(size.asText()) : ""));
    return null;
  }

  private static Map<String, String> extra(JsonNode node) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!KNOWN.contains(field.getKey())) {
        extra.put(field.getKey(), field.getValue().toString());
      }
    }
    return extra;
  }
}
