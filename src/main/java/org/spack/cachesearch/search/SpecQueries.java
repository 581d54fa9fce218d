package org.spack.cachesearch.search;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.spack.Compilers;
import org.spack.cachesearch.spack.SpecExpression;
import org.spack.cachesearch.spack.SpecExpression.Edge;
import org.spack.cachesearch.spack.SpecExpression.Node;
import org.spack.cachesearch.spack.SpecExpression.VariantClause;
import org.spack.cachesearch.spack.SpecParser;
import org.spack.cachesearch.spack.SpecSyntaxException;
import org.spack.cachesearch.spack.VersionConstraint;
import org.spack.cachesearch.spack.VersionSyntaxException;

/**
 * A Spack spec expression ({@code zlib@1.3: +shared %gcc@13}) as index constraints, all of them
 * required: the name, a version range over version keys, variants as {@code name=value} terms,
 * {@code platform os target}, a hash prefix, {@code %compiler@versions}, and dependencies ({@link
 * DependencyQueries}). What the index cannot answer (compiler flags, namespaces, attributes of the
 * compiler node) is refused with the part's column, never ignored. (Just over 200 lines: one method
 * per part of a spec.)
 */
final class SpecQueries {
  private SpecQueries() {}

  /** The query for {@code spec}: every constraint a FILTER clause, so it never changes scores. */
  static Query parse(String spec) {
    SpecExpression expression;
    try {
      expression = SpecParser.parse(spec);
    } catch (SpecSyntaxException e) {
      throw syntax(e.column(), e.reason());
    }
    BooleanQuery query;
    try {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      node(all, expression.root());
      for (Edge edge : expression.edges()) {
        edge(all, edge);
      }
      query = all.build();
    } catch (IndexSearcher.TooManyClauses e) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "the spec has more than " + IndexSearcher.getMaxClauseCount() + " parts; use fewer");
    }
    // A query of FILTER clauses alone matches without scoring; none at all ("*") is everything.
    return query.clauses().isEmpty() ? new MatchAllDocsQuery() : query;
  }

  private static void node(BooleanQuery.Builder all, Node node) {
    if (node.namespace() != null) {
      throw unsupported(node.column(), "namespaces", "the data does not say which repository");
    }
    if (node.name() != null) {
      require(all, Selector.term(SpecField.PACKAGE, node.name()));
    }
    if (node.versions() != null) {
      require(all, versions(SpecField.VERSION, node.versions()));
    }
    for (VariantClause v : node.variants()) {
      for (String value : values(v)) {
        require(all, Selector.term(SpecField.VARIANT, v.name() + "=" + value));
      }
    }
    if (!node.flags().isEmpty()) {
      var flag = node.flags().get(0);
      throw unsupported(flag.column(), "compiler flags (" + flag.name() + ")", "the data has none");
    }
    for (SpecExpression.ArchPart part : node.architecture()) {
      require(all, arch(part));
    }
    if (node.hash() != null) {
      require(all, hash(node.hash()));
    }
  }

  static List<String> values(VariantClause v) {
    return switch (v.kind()) {
      case ENABLED -> List.of("true");
      case DISABLED -> List.of("false");
      case VALUE -> v.values();
    };
  }

  private static Query arch(SpecExpression.ArchPart part) {
    if (part.value().contains(":") || part.value().contains(",")) {
      throw unsupported(
          part.column(),
          "target ranges and lists",
          "name one target, or use compatibleWith for every target a CPU runs");
    }
    SpecField field =
        switch (part.field()) {
          case PLATFORM -> SpecField.PLATFORM;
          case OS -> SpecField.OS;
          case TARGET -> SpecField.TARGET;
        };
    return Selector.term(field, part.value());
  }

  private static Query hash(SpecExpression.Hash hash) {
    if (!hash.prefix().matches("[a-z2-7]{1,32}")) {
      throw syntax(hash.column() + 1, "a hash is up to 32 characters of a-z and 2-7");
    }
    return new PrefixQuery(new Term(SpecField.HASH.indexField(), hash.prefix()));
  }

  /** A {@code %compiler}, or a dependency ({@code ^name}, {@code %name}). */
  private static void edge(BooleanQuery.Builder all, Edge edge) {
    String name = edge.node().name();
    if (edge.kind() == '%' && name != null && Compilers.isCompiler(name)) {
      compiler(all, edge);
    } else {
      DependencyQueries.add(all, edge);
    }
  }

  /** {@code %gcc@13}, {@code %c,cxx=gcc}: the compiler the spec records, in either spelling. */
  private static void compiler(BooleanQuery.Builder all, Edge edge) {
    Node node = edge.node();
    String name = node.name();
    if (!edge.depTypes().isEmpty() || edge.when() != null) {
      throw unsupported(
          edge.column(), "edge attributes of %" + name, "only virtuals= can be searched");
    }
    for (String virtual : edge.virtuals()) {
      if (!List.of("c", "cxx", "fortran").contains(virtual)) {
        throw unsupported(edge.column(), virtual + "=" + name, "only c, cxx and fortran compile");
      }
    }
    refuseAttributes(
        node,
        false,
        false,
        "attributes of %" + name,
        "in spec syntax what follows %"
            + name
            + " applies to "
            + name
            + " itself; write the package's variants and architecture before %"
            + name);
    BooleanQuery.Builder anyName = new BooleanQuery.Builder();
    Compilers.spellings(name)
        .forEach(
            n ->
                anyName.add(Selector.term(SpecField.COMPILER_NAME, n), BooleanClause.Occur.SHOULD));
    require(all, anyName.build());
    if (node.versions() != null) {
      require(all, versions(SpecField.COMPILER_VERSION, node.versions()));
    }
  }

  /**
   * Refuses what the index does not hold of a node: its architecture and flags, and its variants
   * and hash unless allowed.
   */
  static void refuseAttributes(
      Node node, boolean withVariants, boolean withHash, String part, String why) {
    IntStream columns =
        Stream.of(
                withVariants
                    ? new int[0]
                    : node.variants().stream().mapToInt(VariantClause::column).toArray(),
                node.architecture().stream().mapToInt(SpecExpression.ArchPart::column).toArray(),
                node.flags().stream().mapToInt(SpecExpression.CompilerFlag::column).toArray(),
                withHash || node.hash() == null ? new int[0] : new int[] {node.hash().column()})
            .flatMapToInt(IntStream::of);
    OptionalInt first = columns.min();
    if (first.isPresent()) {
      throw unsupported(first.getAsInt(), part, why);
    }
  }

  private static Query versions(SpecField field, SpecExpression.Versions versions) {
    return new VersionRangeQuery(field, constraint(versions));
  }

  /** The versions after {@code @}, parsed; a mistake is a syntax error at its own column. */
  static VersionConstraint constraint(SpecExpression.Versions versions) {
    try {
      return VersionConstraint.parse(versions.text());
    } catch (VersionSyntaxException e) {
      int column = versions.column() + e.offset();
      throw e.isUnsupported()
          ? new SearchException(
              SearchException.Kind.UNSUPPORTED,
              "spec at column " + column + ": " + e.getMessage(),
              column)
          : syntax(column, e.getMessage());
    }
  }

  static void require(BooleanQuery.Builder all, Query q) {
    all.add(q, BooleanClause.Occur.FILTER);
  }

  static SearchException syntax(int column, String reason) {
    return new SearchException(
        SearchException.Kind.QUERY_SYNTAX,
        "spec syntax error at column " + column + ": " + reason,
        column);
  }

  static SearchException unsupported(int column, String part, String why) {
    return new SearchException(
        SearchException.Kind.UNSUPPORTED,
        "spec at column " + column + ": " + part + " cannot be searched: " + why,
        column);
  }
}
