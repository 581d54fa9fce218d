package org.spack.cachesearch.spack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.spack.cachesearch.spack.SpecExpression.Edge;
import org.spack.cachesearch.spack.SpecLexer.Kind;
import org.spack.cachesearch.spack.SpecLexer.Token;

/**
 * Parses one spec expression by recursive descent over Spack's grammar (spack/spec_parser.py): a
 * root node, then edges, each followed by its node; a {@code ^} edge belongs to the root, a {@code
 * %} edge to the last {@code ^} node before it, or to the root when there is none.
 */
public final class SpecParser {
  /** The dependency types of spack/deptypes.py. */
  private static final Set<String> DEP_TYPES = Set.of("build", "link", "run", "test");

  private final SpecLexer lexer;

  private SpecParser(String text) {
    this.lexer = new SpecLexer(text);
  }

  /**
   * The tree of one spec.
   *
   * @throws SpecSyntaxException where {@code text} leaves Spack's grammar, or holds more than one
   *     spec
   */
  public static SpecExpression parse(String text) {
    Objects.requireNonNull(text, "text");
    SpecParser parser = new SpecParser(text);
    if (parser.lexer.peek() == null) {
      throw new SpecSyntaxException(1, "empty spec");
    }
    return parser.expression();
  }

  private SpecExpression expression() {
    SpecExpression.Node root = node(null).build();
    List<Edge> edges = new ArrayList<>();
    Transitive last = null;
    for (Token token = lexer.next(); token != null; token = lexer.next()) {
      Edge edge = edge(token);
      if (edge.kind() == '^') {
        if (last != null) {
          edges.add(last.complete());
        }
        last = new Transitive(edge, new ArrayList<>());
      } else {
        (last == null ? edges : last.direct()).add(edge);
      }
    }
    if (last != null) {
      edges.add(last.complete());
    }
    return new SpecExpression(root, edges);
  }

  private Edge edge(Token open) {
    requireEdgeStart(open);
    EdgeAttributes attributes = new EdgeAttributes();
    Token close = open.kind() == Kind.EDGE_OPEN ? attributes.read(lexer) : open;
    attributes.assign(close);
    SpecNodeBuilder node = node(close);
    if (node.isEmpty()) {
      String sigil = open.sigil() + (open.kind() == Kind.EDGE_OPEN ? "[...]" : "");
      throw new SpecSyntaxException(
          lexer.nextColumn(), "expected a package name or node attributes after '" + sigil + "'");
    }
    return new Edge(
        open.sigil().charAt(0),
        open.sigil().equals("%%"),
        attributes.virtuals,
        attributes.depTypes,
        attributes.when,
        node.build(),
        List.of(),
        open.column());
  }

  /** After a node, only an edge may follow: anything else is a second spec, or a stray ']'. */
  private static void requireEdgeStart(Token token) {
    if (token.kind() == Kind.EDGE_CLOSE) {
      throw new SpecSyntaxException(token.column(), "unexpected ']'");
    }
    if (token.kind() != Kind.DEPENDENCY && token.kind() != Kind.EDGE_OPEN) {
      throw new SpecSyntaxException(token.column(), "expected a single spec, but got more");
    }
  }

  /** A node: a name (or the package an edge assigned), then versions, variants, flags, a hash. */
  private SpecNodeBuilder node(Token assignment) {
    SpecNodeBuilder node = new SpecNodeBuilder(lexer.nextColumn());
    Token first = lexer.peek();
    if (assignment != null && assignment.name() != null) {
      node.name(assignment.name(), assignment.nameColumn());
    } else if (first != null && first.kind() == Kind.NAME) {
      node.name(lexer.next().name(), first.column());
    }
    for (Token token = lexer.peek(); token != null && node.accepts(token); token = lexer.peek()) {
      node.add(lexer.next());
    }
    return node;
  }

  /** A {@code ^} edge whose {@code %} edges are still being read. */
  private record Transitive(Edge edge, List<Edge> direct) {
    Edge complete() {
      return new Edge(
          '^',
          false,
          edge.virtuals(),
          edge.depTypes(),
          edge.when(),
          edge.node(),
          direct,
          edge.column());
    }
  }

  /** The {@code key=value} pairs between {@code ^[} and {@code ]}. */
  private static final class EdgeAttributes {
    private List<String> virtuals = List.of();
    private List<String> depTypes = List.of();
    private String when;

    /** Reads up to and including the closing bracket, which it returns. */
    Token read(SpecLexer lexer) {
      for (Token token = lexer.next(); ; token = lexer.next()) {
        if (token != null && token.kind() == Kind.EDGE_CLOSE) {
          return token;
        }
        if (token == null || token.kind() != Kind.KEY_VALUE) {
          int column = token == null ? lexer.nextColumn() : token.column();
          throw new SpecSyntaxException(column, "expected an edge attribute or ']'");
        }
        switch (token.name()) {
          case "virtuals" -> virtuals = list(token.value());
          case "deptypes" -> depTypes = depTypes(token);
          case "when" -> when = token.value();
          default ->
              throw new SpecSyntaxException(
                  token.column(),
                  "expected an edge attribute deptypes, virtuals or when, not '"
                      + token.name()
                      + "'");
        }
      }
    }

    private static List<String> depTypes(Token token) {
      List<String> types = list(token.value());
      for (String type : types) {
        if (!DEP_TYPES.contains(type)) {
          throw new SpecSyntaxException(
              token.valueColumn(),
              "expected dependency types build, link, run or test, not '" + type + "'");
        }
      }
      return types;
    }

    /** Adds the virtuals of an assignment on the edge token ({@code %c,cxx=gcc}). */
    void assign(Token edge) {
      if (edge.name() != null) {
        virtuals =
            Stream.concat(virtuals.stream(), Arrays.stream(edge.value().split(","))).toList();
      }
    }

    /** Spack splits these values at commas and strips each item. */
    private static List<String> list(String value) {
      return Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    }
  }
}
