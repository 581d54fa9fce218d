package org.spack.cachesearch.search;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The bounds on the terms the classic parser turns into automata (wildcards, regexps, fuzzy terms):
 * how many one query may hold, how long each may be, how many literal characters a leading wildcard
 * needs, and, through Lucene's determinize work limit, how much work each wildcard and regexp
 * automaton may take. One per parse.
 */
final class PatternBounds {
  /** Longest piece of a term that a message quotes. */
  private static final int QUOTED = 40;

  private final Limits limits;
  private int terms;

  PatternBounds(Limits limits) {
    this.limits = limits;
  }

  /** Counts one more wildcard or regexp term ({@code shown} as written), refusing one too many. */
  void count(String kind, String shown) {
    count(kind, shown, limits.maxPatternLength());
  }

  /** Counts one more fuzzy term, held to the shorter length fuzzy automata allow. */
  void countFuzzy(String term) {
    count("fuzzy term", term, limits.maxFuzzyLength());
  }

  private void count(String kind, String shown, int maxLength) {
    if (shown.length() > maxLength) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          kind
              + " '"
              + quoted(shown)
              + "' is "
              + shown.length()
              + " characters long; the limit is "
              + maxLength);
    }
    terms++;
    if (terms > limits.maxPatternTerms()) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "query has more than "
              + limits.maxPatternTerms()
              + " wildcard, regexp and fuzzy terms; the limit is "
              + limits.maxPatternTerms());
    }
  }

  /**
   * Refuses a wildcard that begins with {@code *} or {@code ?} and has too few other characters: it
   * would walk a field's whole term dictionary and match most of it.
   */
  void checkLeading(String wildcard) {
    if (wildcard.isEmpty() || (wildcard.charAt(0) != '*' && wildcard.charAt(0) != '?')) {
      return;
    }
    long literals = wildcard.chars().filter(c -> c != '*' && c != '?').count();
    int min = limits.minLeadingWildcardLiterals();
    if (literals < min) {
      throw new SearchException(
          SearchException.Kind.LIMIT,
          "leading wildcard '"
              + quoted(wildcard)
              + "' has "
              + literals
              + (literals == 1 ? " other character" : " other characters")
              + "; the minimum is "
              + min);
    }
  }

  /** Builds a query, as the classic parser's own methods do. */
  interface Build {
    Query build() throws ParseException;
  }

  /**
   * Builds a wildcard or regexp query ({@code shown} as the user wrote it), turning Lucene's
   * refusals into the user's errors: a malformed regexp, or an automaton over the work limit.
   */
  Query build(String kind, String shown, Build build) throws ParseException {
    try {
      return build.build();
    } catch (TooComplexToDeterminizeException e) {
      throw tooComplex(kind, shown);
    } catch (IllegalArgumentException e) {
      throw new SearchException(
          SearchException.Kind.QUERY_SYNTAX,
          kind + " '" + quoted(shown) + "' does not parse: " + e.getMessage());
    }
  }

  private SearchException tooComplex(String kind, String shown) {
    return new SearchException(
        SearchException.Kind.LIMIT,
        kind
            + " '"
            + quoted(shown)
            + "' is too complex: its automaton needs more work than the limit of "
            + limits.determinizeWorkLimit());
  }

  private static String quoted(String text) {
    return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
  }
}
