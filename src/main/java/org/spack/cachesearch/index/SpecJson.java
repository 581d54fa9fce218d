package org.spack.cachesearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.SpecReader;
import org.spack.cachesearch.ingest.Variant;

/**
 * The stored copy of a spec: the page's own JSON form (raw strings, unknown fields kept), read back
 * with the same {@link SpecReader} that read the page.
 */
public final class SpecJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecJson() {}

  static ObjectNode toJson(Spec spec) {
    ObjectNode node = JSON.createObjectNode();
    node.put("hash", spec.hash());
    node.put("compiler", spec.compiler().raw());
    node.put("os", spec.os());
    node.put("platform", spec.platform());
    node.put("target", spec.target());
    spec.variants().stream().map(Variant::raw).forEach(node.putArray("variants")::add);
    spec.versions().forEach(node.putArray("versions")::add);
    spec.stacks().forEach(node.putArray("stacks")::add);
    if (spec.size() == null) {
      node.put("size", "-");
    } else {
      node.put("size", spec.size());
    }
    spec.extra().forEach((key, json) -> node.set(key, parse(json)));
    return node;
  }

  /** Reads a spec stored by {@link #toJson}; a failure here means a corrupt or foreign index. */
  public static Spec fromJson(JsonNode node) {
    List<String> errors = new ArrayList<>();
    Spec spec = SpecReader.read(node, "stored spec", errors::add);
    if (spec == null) {
      throw new IllegalStateException("index holds an unreadable spec: " + errors);
    }
    return spec;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("extra field is not JSON: " + json, e);
    }
  }
}
