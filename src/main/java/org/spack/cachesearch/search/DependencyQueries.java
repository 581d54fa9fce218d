package org.spack.cachesearch.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.spack.SpecExpression.Edge;
import org.spack.cachesearch.spack.SpecExpression.Node;
import org.spack.cachesearch.spack.SpecExpression.VariantClause;

/**
 * Dependencies in a spec as index constraints: {@code ^name} (anywhere below the binary) and Spack
 * 1.0's {@code %name} (a direct dependency that is not a compiler), each with versions, variants
 * and the virtuals it provides ({@code ^[virtuals=mpi] openmpi}). Pages record no dependencies, so
 * their specs match none of these; build-cache indexes do.
 */
final class DependencyQueries {
  private DependencyQueries() {}

  private static String hashOf(Node node) {
    return node.hash() == null ? "" : node.hash().prefix();
  }

  /**
   * A dependency by its name, or a virtual by what provides it: {@code ^mpi} holds a binary whose
   * direct dependencies provide mpi (the index records virtuals on direct edges only).
   */
  private static Query nameOrVirtual(SpecField field, String name) {
    return new BooleanQuery.Builder()
        .add(Selector.term(field, name), BooleanClause.Occur.SHOULD)
        .add(
            new PrefixQuery(new Term(SpecField.VIRTUAL.indexField(), name + "=")),
            BooleanClause.Occur.SHOULD)
        .build();
  }

  static void add(BooleanQuery.Builder all, Edge edge) {
    Node node = edge.node();
    String name = node.name();
    boolean direct = edge.kind() == '%';
    String part = edge.kind() + (name == null ? "/" + hashOf(node) : name);
    if (name == null && node.hash() == null) {
      throw SpecQueries.unsupported(edge.column(), part, "a dependency needs a name or a /hash");
    }
    if (!edge.depTypes().isEmpty() || edge.when() != null) {
      throw SpecQueries.unsupported(
          edge.column(), "edge attributes of " + part, "only virtuals= can be searched");
    }
    if (!edge.edges().isEmpty()) {
      Edge inner = edge.edges().get(0);
      throw SpecQueries.unsupported(
          inner.column(),
          "%" + inner.node().name() + " of " + part,
          "the dependencies of a dependency cannot be searched; write ^" + inner.node().name());
    }
    if (node.namespace() != null) {
      throw SpecQueries.unsupported(node.column(), "namespaces", "the index does not record them");
    }
    SpecQueries.refuseAttributes(
        node,
        true,
        true,
        "the architecture or flags of " + part,
        "the index records a dependency's name, hash, version, variants and virtuals");
    if (node.hash() != null) {
      SpecQueries.require(
          all,
          new PrefixQuery(
              new Term(
                  direct ? IndexSchema.DIRECT_DEPENDENCY_HASH : IndexSchema.DEPENDENCY_HASH,
                  node.hash().prefix())));
    }
    if (name == null) {
      return;
    }
    SpecField field = direct ? SpecField.DIRECT_DEPENDENCY : SpecField.DEPENDENCY;
    SpecQueries.require(all, nameOrVirtual(field, name));
    if (node.versions() != null) {
      SpecQueries.require(
          all,
          new VersionRangeQuery(
              field.indexField() + ":" + name,
              direct ? IndexSchema.DIRECT_DEPENDENCY_VERSION : IndexSchema.DEPENDENCY_VERSION,
              IndexSchema.keyed(name, ""),
              SpecQueries.constraint(node.versions())));
    }
    for (VariantClause v : node.variants()) {
      for (String value : SpecQueries.values(v)) {
        SpecQueries.require(
            all,
            new TermQuery(
                new Term(
                    IndexSchema.DEPENDENCY_VARIANT,
                    IndexSchema.keyed(name, v.name() + "=" + value))));
      }
    }
    for (String virtual : edge.virtuals()) {
      SpecQueries.require(all, Selector.term(SpecField.VIRTUAL, virtual + "=" + name));
    }
  }
}
