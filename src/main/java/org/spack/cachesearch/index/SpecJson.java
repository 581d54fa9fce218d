package org.spack.cachesearch.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * The stored form: {@code {"package": .., "tag": .., "spec": {the page's fields}}}, written
   * straight to bytes (no tree in between: this runs once per spec on ingest).
   */
  static byte[] encode(SpecHit hit) {
    Spec spec = hit.spec();
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("package", hit.packageName());
      g.writeStringField("tag", hit.tag());
      g.writeObjectFieldStart("spec");
      g.writeStringField("hash", spec.hash());
      g.writeStringField("compiler", spec.compiler().raw());
      g.writeStringField("os", spec.os());
      g.writeStringField("platform", spec.platform());
      g.writeStringField("target", spec.target());
      strings(g, "variants", spec.variants().stream().map(Variant::raw).toList());
      strings(g, "versions", spec.versions());
      strings(g, "stacks", spec.stacks());
      if (spec.size() == null) {
        g.writeStringField("size", "-");
      } else {
        g.writeNumberField("size", spec.size());
      }
      for (var e : spec.extra().entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeRawValue(e.getValue()); // already JSON text, as the page had it
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode spec " + spec.hash(), e);
    }
    return out.toByteArray();
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Reads what {@link #encode} wrote; a failure here means a corrupt or foreign index. */
  public static SpecHit decode(byte[] bytes, int offset, int length) {
    try {
      JsonNode node = JSON.readTree(bytes, offset, length);
      List<String> errors = new ArrayList<>();
      Spec spec = SpecReader.read(node.get("spec"), "stored spec", errors::add);
      if (spec == null) {
        throw new IllegalStateException("index holds an unreadable spec: " + errors);
      }
      return new SpecHit(node.get("package").asText(), node.get("tag").asText(), spec);
    } catch (IOException e) {
      throw new UncheckedIOException("index holds an unreadable spec", e);
    }
  }
}
