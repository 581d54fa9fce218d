package org.spack.cachesearch.spack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * archspec's CPU microarchitecture table, loaded once from the classpath: a binary built for a
 * target runs on a CPU when the target is that CPU or one of its ancestors along the table's {@code
 * from} lists, as archspec's {@code Microarchitecture.ancestors} and Spack's concretizer ({@code
 * target_compatible} facts) have it.
 */
public final class Microarchitectures {
  static final String RESOURCE = "/archspec/microarchitectures.json";

  private static final int MAX_SUGGESTIONS = 3;

  /** Beyond this many edits a "did you mean" guess is noise rather than help. */
  private static final int MAX_SUGGESTION_DISTANCE = 3;

  /** Each name to its compatible targets (itself and its ancestors), sorted and unmodifiable. */
  private final Map<String, Set<String>> compatible;

  private final Set<String> names;

  private Microarchitectures(Map<String, Set<String>> compatible) {
    this.compatible = Collections.unmodifiableMap(compatible);
    this.names = Collections.unmodifiableSortedSet(new TreeSet<>(compatible.keySet()));
  }

  /** Holds the bundled table, read on first use. */
  private static final class Bundled {
    static final Microarchitectures TABLE = readResource();
  }

  /** The bundled table (read once, then shared). */
  public static Microarchitectures load() {
    return Bundled.TABLE;
  }

  /** The targets whose binaries run on {@code cpu}: itself and all its ancestors, sorted. */
  public Set<String> compatibleTargets(String cpu) {
    Set<String> targets = compatible.get(Objects.requireNonNull(cpu, "cpu"));
    if (targets == null) {
      throw new UnknownTargetException(cpu, suggestions(cpu));
    }
    return targets;
  }

  /** Every microarchitecture in the table, sorted. */
  public Set<String> names() {
    return names;
  }

  private static Microarchitectures readResource() {
    try (InputStream in = Microarchitectures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /** Reads a table in archspec's format; rejects unknown parents and cycles. */
  static Microarchitectures read(InputStream json) throws IOException {
    Map<String, List<String>> parents = parents(new ObjectMapper().readTree(json));
    Map<String, Set<String>> compatible = new TreeMap<>();
    for (String name : parents.keySet()) {
      close(name, parents, compatible, new LinkedHashSet<>());
    }
    return new Microarchitectures(compatible);
  }

  private static Map<String, List<String>> parents(JsonNode root) {
    JsonNode table = root.path("microarchitectures");
    if (!table.isObject()) {
      throw new IllegalArgumentException("archspec table: no 'microarchitectures' object");
    }
    Map<String, List<String>> parents = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      JsonNode from = entry.getValue().path("from");
      if (!from.isArray()) {
        throw new IllegalArgumentException(
            "archspec table: '" + entry.getKey() + "' has no 'from' list");
      }
      List<String> names = new ArrayList<>();
      from.forEach(parent -> names.add(parent.asText()));
      parents.put(entry.getKey(), names);
    }
    return parents;
  }

  /** Computes (once) the compatible targets of {@code name}; {@code path} is the walk so far. */
  private static Set<String> close(
      String name,
      Map<String, List<String>> parents,
      Map<String, Set<String>> done,
      Set<String> path) {
    Set<String> known = done.get(name);
    if (known != null) {
      return known;
    }
    if (!path.add(name)) {
      throw new IllegalArgumentException(
          "archspec table: cycle " + String.join(" -> ", path) + " -> " + name);
    }
    TreeSet<String> targets = new TreeSet<>();
    targets.add(name);
    for (String parent : parents.get(name)) {
      if (!parents.containsKey(parent)) {
        throw new IllegalArgumentException(
            "archspec table: '" + name + "' comes from unknown '" + parent + "'");
      }
      targets.addAll(close(parent, parents, done, path));
    }
    path.remove(name);
    Set<String> result = Collections.unmodifiableSortedSet(targets);
    done.put(name, result);
    return result;
  }

  /** The closest known names, closest first and ties by name; case is ignored. */
  private List<String> suggestions(String cpu) {
    String wanted = cpu.toLowerCase(Locale.ROOT);
    Map<String, Integer> distance = new TreeMap<>();
    for (String name : names) {
      int d = editDistance(wanted, name);
      if (d <= MAX_SUGGESTION_DISTANCE) {
        distance.put(name, d);
      }
    }
    return distance.keySet().stream()
        .sorted(Comparator.comparing(distance::get)) // stable: ties keep name order
        .limit(MAX_SUGGESTIONS)
        .toList();
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
