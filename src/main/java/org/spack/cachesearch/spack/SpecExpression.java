package org.spack.cachesearch.spack;

import java.util.List;
import java.util.Objects;

/**
 * One spec as a Spack user types it ({@code zlib@1.3: +shared %gcc@13 ^openssl}), as a tree: the
 * root node and its edges in input order; a {@code ^} edge also holds the {@code %} edges written
 * after it. Every part keeps the 1-based column where it starts in the input.
 */
public record SpecExpression(Node root, List<Edge> edges) {

  public SpecExpression {
    Objects.requireNonNull(root, "root");
    edges = List.copyOf(edges);
  }

  /**
   * One package node. Parts not written are null (or empty lists).
   *
   * @param name null for an anonymous node ({@code +shared}, {@code *})
   * @param namespace the repository of {@code builtin.zlib}, or of {@code namespace=builtin}
   * @param column where the node's first token starts: its name, its first attribute, or the first
   *     edge for a spec that starts with one ({@code %gcc})
   * @param versions the constraint after {@code @}, as text: another class parses it
   * @param flags compiler flags: {@code cflags cxxflags fflags cppflags ldflags ldlibs}
   * @param architecture {@code platform= os= target=}, and {@code arch=} split into its parts
   */
  public record Node(
      String namespace,
      String name,
      int column,
      Versions versions,
      List<VariantClause> variants,
      List<CompilerFlag> flags,
      List<ArchPart> architecture,
      Hash hash) {

    public Node {
      requireColumn(column);
      variants = List.copyOf(variants);
      flags = List.copyOf(flags);
      architecture = List.copyOf(architecture);
    }
  }

  /** The version constraint text as written after {@code @} (and any blanks after it). */
  public record Versions(String text, int column) {
    public Versions {
      Objects.requireNonNull(text, "text");
      requireColumn(column);
    }
  }

  /**
   * One variant: {@code +name ~name -name} (kind ENABLED/DISABLED), {@code ++name ~~name --name}
   * (propagated), or {@code name=a,b} (kind VALUE), {@code name==v} (propagated), {@code name:=v}
   * (exact: these values only).
   *
   * @param values the value split at commas, unquoted; empty for ENABLED and DISABLED
   * @param column where the sigil, or the name of a {@code name=value}, starts
   */
  public record VariantClause(
      String name, Kind kind, List<String> values, boolean propagate, boolean exact, int column) {

    /** Whether the variant is switched on, off, or given values. */
    public enum Kind {
      ENABLED,
      DISABLED,
      VALUE
    }

    public VariantClause {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      values = List.copyOf(values);
      if ((kind == Kind.VALUE) == values.isEmpty()) {
        throw new IllegalArgumentException("a VALUE variant has values, a boolean one none");
      }
      requireColumn(column);
    }
  }

  /** A compiler flag such as {@code cflags="-O3 -g"}: the value unquoted, whole. */
  public record CompilerFlag(String name, String value, boolean propagate, int column) {
    public CompilerFlag {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      requireColumn(column);
    }
  }

  /** One part of the architecture triplet, with the column of its value. */
  public record ArchPart(Field field, String value, int column) {

    /** The three parts of Spack's {@code platform-os-target}. */
    public enum Field {
      PLATFORM,
      OS,
      TARGET
    }

    public ArchPart {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      requireColumn(column);
    }
  }

  /** The DAG hash prefix after {@code /}; the column is that of the {@code /}. */
  public record Hash(String prefix, int column) {
    public Hash {
      Objects.requireNonNull(prefix, "prefix");
      requireColumn(column);
    }
  }

  /**
   * A dependency edge: {@code %} (direct; {@code %%} propagates it as a preference) or {@code ^}
   * (transitive, always of the root).
   *
   * @param virtuals from {@code %c,cxx=gcc} or {@code %[virtuals=c,cxx] gcc}
   * @param depTypes from {@code ^[deptypes=build,link]}
   * @param when the condition of {@code ^[when=+mpi]}, unquoted and not parsed, or null
   * @param edges the {@code %} edges of a {@code ^} node ({@code a ^b %c}: {@code c} is {@code
   *     b}'s); always empty for a {@code %} edge
   * @param column where the sigil starts
   */
  public record Edge(
      char kind,
      boolean propagate,
      List<String> virtuals,
      List<String> depTypes,
      String when,
      Node node,
      List<Edge> edges,
      int column) {

    public Edge {
      if (kind != '%' && kind != '^') {
        throw new IllegalArgumentException("edge kind is % or ^: " + kind);
      }
      virtuals = List.copyOf(virtuals);
      depTypes = List.copyOf(depTypes);
      Objects.requireNonNull(node, "node");
      edges = List.copyOf(edges);
      if (kind == '%' && !edges.isEmpty()) {
        throw new IllegalArgumentException("only a ^ node holds edges of its own");
      }
      if (kind == '^' && propagate) {
        throw new IllegalArgumentException("only %% propagates");
      }
      requireColumn(column);
    }
  }

  private static void requireColumn(int column) {
    if (column < 1) {
      throw new IllegalArgumentException("columns are 1-based: " + column);
    }
  }
}
