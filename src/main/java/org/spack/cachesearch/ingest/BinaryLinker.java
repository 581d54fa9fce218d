package org.spack.cachesearch.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the nodes of a database into its binaries: resolves each edge's hash to the node it names,
 * gives each binary its direct dependencies, its closure and its compiler.
 *
 * <p>An edge whose hash has no record is left out, as Spack's own database reading does (it warns
 * "Missing dependency not in database" and skips the edge).
 */
final class BinaryLinker {
  /** The virtuals a compiler provides to its dependents, in the order one is picked. */
  private static final List<String> LANGUAGES = List.of("c", "cxx", "fortran");

  private final Map<String, DatabaseNode> nodes;
  private final Map<String, Dependency> transitive = new HashMap<>();

  private BinaryLinker(Map<String, DatabaseNode> nodes) {
    this.nodes = nodes;
  }

  /** One binary per node with {@code in_buildcache} true, in the order of {@code nodes}. */
  static List<Binary> link(Map<String, DatabaseNode> nodes) {
    BinaryLinker linker = new BinaryLinker(nodes);
    List<Binary> binaries = new ArrayList<>();
    for (DatabaseNode node : nodes.values()) {
      if (node.inBuildcache()) {
        binaries.add(linker.binary(node));
      }
    }
    return binaries;
  }

  private Binary binary(DatabaseNode node) {
    Spec spec =
        new Spec(
            node.hash(),
            compiler(node),
            node.os(),
            node.platform(),
            node.target(),
            node.variants(),
            List.of(node.version()),
            List.of(),
            null,
            node.extra(),
            direct(node),
            closure(node));
    return new Binary(node.name(), spec);
  }

  /**
   * The node's own compiler where it records one (spec file v4 and older), else the direct
   * dependency providing {@code c}, else {@code cxx}, else {@code fortran} (v5 and newer), else
   * {@code none}.
   */
  private Compiler compiler(DatabaseNode node) {
    if (node.compiler() != null) {
      return Compiler.parse(node.compiler());
    }
    for (String language : LANGUAGES) {
      for (DatabaseEdge edge : node.edges()) {
        DatabaseNode dependency = nodes.get(edge.hash());
        if (dependency != null && edge.virtuals().contains(language)) {
          return Compiler.parse(dependency.name() + "@" + dependency.version());
        }
      }
    }
    return Compiler.parse("none");
  }

  private List<Dependency> direct(DatabaseNode node) {
    List<Dependency> direct = new ArrayList<>(node.edges().size());
    for (DatabaseEdge edge : node.edges()) {
      DatabaseNode d = nodes.get(edge.hash());
      if (d != null) {
        direct.add(
            new Dependency(
                d.name(),
                d.version(),
                d.hash(),
                edge.deptypes(),
                edge.virtuals(),
                d.variants(),
                !d.inBuildcache()));
      }
    }
    return direct;
  }

  /** Every node reachable from {@code root} through any edge, each once, breadth first. */
  private List<Dependency> closure(DatabaseNode root) {
    List<Dependency> closure = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(root.hash()));
    ArrayDeque<DatabaseNode> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      for (DatabaseEdge edge : queue.poll().edges()) {
        DatabaseNode d = nodes.get(edge.hash());
        if (d != null && seen.add(d.hash())) {
          closure.add(transitive.computeIfAbsent(d.hash(), h -> entry(d)));
          queue.add(d);
        }
      }
    }
    return closure;
  }

  /** A closure entry: the same object for every binary that reaches the node. */
  private static Dependency entry(DatabaseNode d) {
    return new Dependency(
        d.name(), d.version(), d.hash(), List.of(), List.of(), d.variants(), !d.inBuildcache());
  }
}
