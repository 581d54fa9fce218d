package org.spack.cachesearch.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.spack.VersionConstraint;
import org.spack.cachesearch.spack.VersionSyntaxException;

/**
 * Lucene's classic query syntax over the index's fields (over 200 lines: one override per hook of
 * the classic parser, each checking its field): bare words search the catch-all field, keyword
 * fields match values as the pages write them, {@code size} takes numbers and ranges. Every failure
 * is a {@link SearchException} with a message a person can act on.
 */
final class SpecQueryParser {
  /** Fields a query may name, in the vocabulary's order. */
  private static final List<String> SEARCHABLE =
      Stream.of(SpecField.values()).map(SpecField::indexField).toList();

  private static final Set<String> FIELDS = Set.copyOf(SEARCHABLE);
  private static final Set<String> NUMERIC =
      Stream.of(SpecField.values())
          .filter(SpecField::isNumeric)
          .map(SpecField::indexField)
          .collect(Collectors.toUnmodifiableSet());

  /** Fields whose ranges follow Spack's version order. */
  private static final Map<String, SpecField> VERSION_FIELDS =
      Stream.of(SpecField.values())
          .filter(f -> f.versionKeyField().isPresent())
          .collect(Collectors.toUnmodifiableMap(SpecField::indexField, f -> f));

  private final IndexSchema schema;
  private final Limits limits;

  SpecQueryParser(IndexSchema schema, Limits limits) {
    this.schema = schema;
    this.limits = limits;
  }

  /** The query for {@code text}; null or blank matches every spec. */
  Query parse(String text) {
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    if (text.length() > limits.maxQueryLength()) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "query is " + text.length() + " characters long; at most " + limits.maxQueryLength());
    }
    try {
      return positive(new Parser().parse(text));
    } catch (ParseException e) {
      throw translate(e);
    }
  }

  /**
   * A query of exclusions only ({@code -platform:darwin}) matches nothing in Lucene; a person means
   * "everything but", so it gets a match-all clause to subtract from.
   */
  private static Query positive(Query query) {
    if (query instanceof BooleanQuery bq
        && !bq.clauses().isEmpty()
        && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      bq.clauses().forEach(b::add);
      return b.build();
    }
    return query;
  }

  /**
   * QueryParser wraps what went wrong in a ParseException of its own, too many clauses included:
   * find ours, or the clause limit, or the parser's token position, or the lexer's "line 1, column
   * N".
   */
  private static SearchException translate(ParseException outer) {
    for (Throwable t = outer; t != null; t = t.getCause()) {
      if (t instanceof SearchException s) {
        return s;
      }
      if (t instanceof IndexSearcher.TooManyClauses) {
        return new SearchException(
            SearchException.Kind.LIMIT,
            "query has more than " + IndexSearcher.getMaxClauseCount() + " clauses");
      }
      if (t instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
        Token next = p.currentToken.next;
        // Token columns are 0-based; people count from 1.
        int column = next.beginColumn + 1;
        String message =
            next.kind == 0
                ? "query syntax error at column " + column + ": the query ends too early"
                : "query syntax error at column " + column + " near '" + next.image + "'";
        return new SearchException(SearchException.Kind.QUERY_SYNTAX, message, column);
      }
      if (t instanceof TokenMgrError lexical) {
        Matcher m = LEXICAL_COLUMN.matcher(lexical.getMessage());
        int column = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return new SearchException(
            SearchException.Kind.QUERY_SYNTAX,
            "query syntax error at column " + column + ": unexpected character or end of query",
            column);
      }
    }
    return new SearchException(SearchException.Kind.QUERY_SYNTAX, "query syntax error");
  }

  private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

  /** The classic parser with field names checked, size made numeric and patterns bounded. */
  private final class Parser extends QueryParser {
    private final PatternBounds patterns = new PatternBounds(limits);

    Parser() {
      super(IndexSchema.TEXT, schema.analyzer());
      setDefaultOperator(QueryParser.AND_OPERATOR);
      setAllowLeadingWildcard(true); // bounded by PatternBounds instead
      setSplitOnWhitespace(true);
      setDeterminizeWorkLimit(limits.determinizeWorkLimit());
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      check(field);
      if (NUMERIC.contains(field)) {
        return LongPoint.newExactQuery(field, size(queryText));
      }
      return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      check(field);
      if (NUMERIC.contains(field)) {
        long low = part1 == null ? Long.MIN_VALUE : size(part1);
        long high = part2 == null ? Long.MAX_VALUE : size(part2);
        if (!startInclusive && low != Long.MAX_VALUE) {
          low++;
        }
        if (!endInclusive && high != Long.MIN_VALUE) {
          high--;
        }
        return LongPoint.newRangeQuery(field, low, high);
      }
      SpecField versions = VERSION_FIELDS.get(field);
      if (versions != null) {
        // In Spack's order, not the bytes': [3.9 TO 3.12] holds 3.10 and every 3.12.x.
        try {
          return new VersionRangeQuery(
              versions, VersionConstraint.between(part1, startInclusive, part2, endInclusive));
        } catch (VersionSyntaxException e) {
          throw wrap(
              new SearchException(
                  SearchException.Kind.QUERY_SYNTAX, field + " range: " + e.getMessage()));
        }
      }
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      // *:* is Lucene's spelling of "everything"; * alone means the same to a person.
      if (termStr.equals("*") && (field.equals("*") || field.equals(IndexSchema.TEXT))) {
        return new MatchAllDocsQuery();
      }
      check(field);
      patterns.count("wildcard", termStr);
      patterns.checkLeading(termStr);
      return patterns.build("wildcard", termStr, () -> super.getWildcardQuery(field, termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      check(field);
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      check(field);
      patterns.countFuzzy(termStr);
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      check(field);
      patterns.count("regexp", "/" + termStr + "/");
      return patterns.build(
          "regexp", "/" + termStr + "/", () -> super.getRegexpQuery(field, termStr));
    }

    private void check(String field) throws ParseException {
      if (!FIELDS.contains(field)) {
        throw wrap(
            new SearchException(
                SearchException.Kind.UNKNOWN_FIELD,
                "unknown field '"
                    + field
                    + "'; searchable fields are "
                    + String.join(", ", SEARCHABLE)));
      }
    }

    private long size(String text) throws ParseException {
      if (text.equals("*")) {
        throw wrap(
            new SearchException(
                SearchException.Kind.BAD_ARGUMENT, "size takes a number of bytes or a range"));
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw wrap(
            new SearchException(
                SearchException.Kind.BAD_ARGUMENT,
                "size takes a number of bytes or a range like size:[1000 TO *], not '"
                    + text
                    + "'"));
      }
    }

    /** The parser only lets ParseException out: carry ours inside one. */
    private ParseException wrap(SearchException e) {
      ParseException p = new ParseException(e.getMessage());
      p.initCause(e);
      return p;
    }
  }
}
