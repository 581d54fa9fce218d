package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one record of a build-cache database (its key and its {@code spec} node, in any spec-file
 * version from 2 to 6) into a {@link DatabaseNode}. Repeated strings and variants are shared
 * between records, since an index holds many nodes of the same few packages and targets.
 */
final class DatabaseNodeReader {
  /** The keys a dependency's hash may be stored under, in the order Spack tries them. */
  private static final List<String> HASH_KEYS =
      List.of("hash", "process_hash", "full_hash", "build_hash");

  private final String source;
  private final Map<String, String> strings = new HashMap<>();
  private final Map<String, Variant> variants = new HashMap<>();
  private final Map<List<String>, List<String>> lists = new HashMap<>();

  DatabaseNodeReader(String source) {
    this.source = source;
  }

  /** The node of record {@code key}; Spack takes the key, not the node's own field, as the hash. */
  DatabaseNode read(String key, JsonNode record) throws BuildCacheException {
    if (!Spec.isHash(key)) {
      throw error("record \"" + key + "\": the key is not a DAG hash (32 characters of a-z2-7)");
    }
    JsonNode spec = record.path("spec");
    if (!spec.isObject()) {
      throw error("record " + key + ": no \"spec\" object");
    }
    String name = text(spec, "name");
    if (name == null) {
      throw error("record " + key + ": the spec has no \"name\"");
    }
    String where = "record " + key + " (" + name + ")";
    String version = text(spec, "version");
    if (version == null) {
      throw error(where + ": the spec has no \"version\"");
    }
    JsonNode arch = spec.path("arch");
    return new DatabaseNode(
        key,
        intern(name),
        intern(version),
        archPart(arch, "platform_os", where),
        archPart(arch, "platform", where),
        target(arch, where),
        compiler(spec),
        NodeParameters.variants(spec, raw -> variants.computeIfAbsent(raw, Variant::parse)),
        edges(spec, where),
        inBuildcache(record, where),
        extra(spec));
  }

  private String archPart(JsonNode arch, String field, String where) throws BuildCacheException {
    String value = text(arch, field);
    if (value == null) {
      throw error(where + ": the spec has no \"arch." + field + "\"");
    }
    return intern(value);
  }

  /** A target is a name in older nodes, an object with a {@code name} (and features) in newer. */
  private String target(JsonNode arch, String where) throws BuildCacheException {
    JsonNode target = arch.path("target");
    String name = target.isObject() ? text(target, "name") : text(arch, "target");
    if (name == null) {
      throw error(where + ": the spec has no \"arch.target\" name");
    }
    return intern(name);
  }

  private String compiler(JsonNode spec) {
    JsonNode legacy = spec.path("compiler");
    if (legacy.isObject() && text(legacy, "name") != null) {
      JsonNode versions = legacy.path("versions");
      String version =
          versions.isArray()
              ? String.join(",", strings(versions))
              : legacy.path("version").asText("");
      return intern(
          version.isEmpty() ? text(legacy, "name") : text(legacy, "name") + "@" + version);
    }
    String annotated = text(spec.path("annotations"), "compiler");
    return annotated == null ? null : intern(annotated);
  }

  private List<DatabaseEdge> edges(JsonNode spec, String where) throws BuildCacheException {
    JsonNode dependencies = spec.path("dependencies");
    if (dependencies.isMissingNode() || dependencies.isNull()) {
      return List.of();
    }
    if (!dependencies.isArray()) {
      throw error(where + ": \"dependencies\" is not a list");
    }
    List<DatabaseEdge> edges = new ArrayList<>(dependencies.size());
    for (JsonNode entry : dependencies) {
      edges.add(edge(entry, where));
    }
    return edges;
  }

  /** An edge of spec file v4 and later ({@code parameters}) or of v2 and v3 ({@code type}). */
  private DatabaseEdge edge(JsonNode entry, String where) throws BuildCacheException {
    String name = text(entry, "name");
    if (name == null) {
      throw error(where + ": a dependency has no \"name\"");
    }
    String hash = null;
    for (int i = 0; i < HASH_KEYS.size() && hash == null; i++) {
      hash = text(entry, HASH_KEYS.get(i));
    }
    if (hash == null) {
      throw error(where + ": dependency \"" + name + "\" has no hash");
    }
    JsonNode parameters = entry.path("parameters");
    JsonNode deptypes = parameters.isObject() ? parameters.path("deptypes") : entry.path("type");
    return new DatabaseEdge(
        intern(name), hash, list(strings(deptypes)), list(strings(parameters.path("virtuals"))));
  }

  private boolean inBuildcache(JsonNode record, String where) throws BuildCacheException {
    JsonNode flag = record.path("in_buildcache");
    if (flag.isMissingNode() || flag.isNull()) {
      return false; // Spack's InstallRecord defaults in_buildcache to False
    }
    if (!flag.isBoolean()) {
      throw error(where + ": \"in_buildcache\" is not true or false");
    }
    return flag.booleanValue();
  }

  private Map<String, String> extra(JsonNode spec) {
    Map<String, String> extra = new LinkedHashMap<>();
    if (spec.path("namespace").isTextual()) {
      extra.put("namespace", intern(spec.get("namespace").toString()));
    }
    NodeParameters.flags(spec, extra);
    return extra;
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  /** Strings of a list; a single string reads as a list of one. */
  private static List<String> strings(JsonNode values) {
    if (values.isTextual()) {
      return List.of(values.textValue());
    }
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(v.asText()));
    return out;
  }

  private String intern(String s) {
    return strings.computeIfAbsent(s, k -> k);
  }

  private List<String> list(List<String> values) {
    return lists.computeIfAbsent(List.copyOf(values), k -> k);
  }

  private BuildCacheException error(String message) {
    return new BuildCacheException(source, message);
  }
}
