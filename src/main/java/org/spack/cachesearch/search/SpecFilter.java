package org.spack.cachesearch.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.spack.cachesearch.index.IndexSchema;

/**
 * Exact values per index field: a spec matches when, for every field given, it has one of the
 * values (OR within a field, AND across fields).
 *
 * @param values index field name to accepted values; fields with no values are left out
 */
public record SpecFilter(Map<String, List<String>> values, List<Term> scope) {
  public static final SpecFilter NONE = new SpecFilter(Map.of(), List.of());

  /** The API's filter names (singular) to index fields. */
  public static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("package", IndexSchema.PACKAGE),
          Map.entry("tag", IndexSchema.TAG),
          Map.entry("compiler", IndexSchema.COMPILER),
          Map.entry("compilerName", IndexSchema.COMPILER_NAME),
          Map.entry("version", IndexSchema.VERSIONS),
          Map.entry("os", IndexSchema.OS),
          Map.entry("platform", IndexSchema.PLATFORM),
          Map.entry("target", IndexSchema.TARGET),
          Map.entry("stack", IndexSchema.STACKS),
          Map.entry("variant", IndexSchema.VARIANTS));

  /** At most this many values in one field's list. */
  public static final int MAX_VALUES = 1000;

  public SpecFilter {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach(
        (field, list) -> {
          if (list != null && !list.isEmpty()) {
            if (list.size() > MAX_VALUES) {
              throw new SearchException(
                  SearchException.Kind.LIMIT,
                  "filter " + field + " has " + list.size() + " values; at most " + MAX_VALUES);
            }
            copy.put(field, List.copyOf(list));
          }
        });
    values = Map.copyOf(copy);
    scope = List.copyOf(scope);
  }

  public SpecFilter(Map<String, List<String>> values) {
    this(values, List.of());
  }

  /** From the API's input: filter names as in {@link #FIELDS}; null means no filter. */
  public static SpecFilter fromApi(Map<String, ? extends List<String>> input) {
    if (input == null) {
      return NONE;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    input.forEach(
        (name, list) -> {
          String field = FIELDS.get(name);
          if (field == null) {
            throw new SearchException(
                SearchException.Kind.BAD_ARGUMENT, "unknown filter field '" + name + "'");
          }
          values.put(field, list);
        });
    return new SpecFilter(values);
  }

  /**
   * This filter within a fixed scope, e.g. one package's specs: the scope is ANDed with every
   * field's values (a filter on another package then matches nothing) and, unlike the values, is
   * never left out of a facet's counts.
   */
  public SpecFilter and(String field, String value) {
    List<Term> more = new ArrayList<>(scope);
    more.add(new Term(field, value));
    return new SpecFilter(values, more);
  }

  /** Adds this filter's clauses, except {@code exceptField}'s (null for none), to a query. */
  public Query apply(Query base, String exceptField) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(base, BooleanClause.Occur.MUST);
    scope.forEach(t -> b.add(new TermQuery(t), BooleanClause.Occur.FILTER));
    values.forEach(
        (field, list) -> {
          if (!Objects.equals(field, exceptField)) {
            b.add(anyOf(field, list), BooleanClause.Occur.FILTER);
          }
        });
    return b.build();
  }

  private static Query anyOf(String field, List<String> list) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : list) {
      any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    }
    return new ConstantScoreQuery(any.build());
  }
}
