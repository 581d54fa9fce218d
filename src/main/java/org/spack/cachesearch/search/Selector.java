package org.spack.cachesearch.search;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.spack.Microarchitectures;
import org.spack.cachesearch.spack.UnknownTargetException;

/** Turns a {@link Selection} into Lucene queries: the parsed query, its scope and its filter. */
final class Selector {
  private final SpecQueryParser parser;
  private final Limits limits;

  Selector(IndexSchema schema, Limits limits) {
    this.parser = new SpecQueryParser(schema, limits);
    this.limits = limits;
  }

  /** The parsed query alone: a match-all query when the selection has none. */
  Query parsed(Selection selection) {
    return parser.parse(selection.query());
  }

  /** Everything the selection asks for. */
  Query query(Selection selection) {
    return query(selection, parsed(selection), null);
  }

  /**
   * The selection over an already parsed query, leaving out {@code except}'s filter values (null
   * for none): a facet's counts ignore its own filter. The scope is never left out.
   */
  Query query(Selection selection, Query parsed, SpecField except) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(parsed, BooleanClause.Occur.MUST);
    if (selection.hasSpec()) {
      b.add(SpecQueries.parse(bounded(selection.spec())), BooleanClause.Occur.FILTER);
    }
    if (selection.hasCpu()) {
      b.add(compatibleWith(selection.compatibleWith()), BooleanClause.Occur.FILTER);
    }
    if (selection.isScoped()) {
      b.add(term(SpecField.PACKAGE, selection.packageName()), BooleanClause.Occur.FILTER);
      b.add(term(SpecField.TAG, selection.tag()), BooleanClause.Occur.FILTER);
    }
    selection
        .filter()
        .values()
        .forEach(
            (field, values) -> {
              if (field != except) {
                b.add(anyOf(field, values), BooleanClause.Occur.FILTER);
              }
            });
    return b.build();
  }

  /** A spec is held to the query's length limit. */
  private String bounded(String spec) {
    if (spec.length() > limits.maxQueryLength()) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "spec is " + spec.length() + " characters long; at most " + limits.maxQueryLength());
    }
    return spec;
  }

  /** Binaries whose target is the CPU or one of its ancestors in archspec's table. */
  private static Query compatibleWith(String cpu) {
    try {
      List<BytesRef> targets =
          Microarchitectures.load().compatibleTargets(cpu).stream().map(BytesRef::new).toList();
      return new TermInSetQuery(SpecField.TARGET.indexField(), targets);
    } catch (UnknownTargetException e) {
      throw new SearchException(
          SearchException.Kind.BAD_ARGUMENT, "compatibleWith: " + e.getMessage());
    }
  }

  /** {@code query} restricted to specs whose {@code field} has {@code value}. */
  static Query and(Query query, SpecField field, String value) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(term(field, value), BooleanClause.Occur.FILTER)
        .build();
  }

  static TermQuery term(SpecField field, String value) {
    return new TermQuery(new Term(field.indexField(), value));
  }

  private Query anyOf(SpecField field, List<String> values) {
    if (values.size() > limits.maxFilterValues()) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "filter "
              + field.filterName().orElseThrow()
              + " has "
              + values.size()
              + " values; at most "
              + limits.maxFilterValues());
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(term(field, v), BooleanClause.Occur.SHOULD);
    }
    return new ConstantScoreQuery(any.build());
  }
}
