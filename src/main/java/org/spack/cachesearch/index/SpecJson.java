package org.spack.cachesearch.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.spack.cachesearch.ingest.Dependency;
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
      if (!spec.dependencies().isEmpty()) {
        dependencies(g, spec.dependencies());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode spec " + spec.hash(), e);
    }
    return out.toByteArray();
  }

  /** Beside the spec, not in it: the spec keeps the page's form; only indexes have these. */
  private static void dependencies(JsonGenerator g, List<Dependency> dependencies)
      throws IOException {
    g.writeArrayFieldStart("dependencies");
    for (Dependency d : dependencies) {
      g.writeStartObject();
      g.writeStringField("name", d.name());
      g.writeStringField("version", d.version());
      g.writeStringField("hash", d.hash());
      strings(g, "deptypes", d.deptypes());
      strings(g, "virtuals", d.virtuals());
      strings(g, "variants", d.variants().stream().map(Variant::raw).toList());
      g.writeBooleanField("external", d.external());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static List<Dependency> dependencies(JsonNode array) {
    List<Dependency> out = new ArrayList<>();
    for (JsonNode d : array) {
      out.add(
          new Dependency(
              d.get("name").asText(),
              d.get("version").asText(),
              d.get("hash").asText(),
              texts(d.get("deptypes")),
              texts(d.get("virtuals")),
              texts(d.get("variants")).stream().map(Variant::parse).toList(),
              d.get("external").asBoolean()));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
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
      JsonNode deps = node.get("dependencies");
      if (deps != null) {
        spec =
            new Spec(
                spec.hash(),
                spec.compiler(),
                spec.os(),
                spec.platform(),
                spec.target(),
                spec.variants(),
                spec.versions(),
                spec.stacks(),
                spec.size(),
                spec.extra(),
                dependencies(deps),
                List.of());
      }
      return new SpecHit(node.get("package").asText(), node.get("tag").asText(), spec);
    } catch (IOException e) {
      throw new UncheckedIOException("index holds an unreadable spec", e);
    }
  }
}
