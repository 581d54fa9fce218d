package org.spack.cachesearch.search;

/**
 * A request the index cannot answer as asked: the user's to fix. Its {@link Kind} is the stable
 * classification that API clients see; its message says what to change.
 */
public final class SearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable classifications; renaming one breaks clients. */
  public enum Kind {
    /** The Lucene query does not parse. */
    QUERY_SYNTAX,
    /** The query names a field the index does not have. */
    UNKNOWN_FIELD,
    /** A cursor that this server did not make, or made for another sort. */
    BAD_CURSOR,
    /** A request over a limit (page size, query length, clause count). */
    LIMIT,
    /** A hash prefix shared by several specs. */
    AMBIGUOUS_HASH,
    /** Valid Spack syntax that the index cannot answer (a dependency, compiler flags). */
    UNSUPPORTED,
    /** Any other argument out of range. */
    BAD_ARGUMENT,
    /**
     * The query ran past the time limit. Not raised since a search past its deadline answers what
     * it found, flagged partial ({@link IndexView#partial()}); kept so that clients keep compiling.
     */
    TIMEOUT
  }

  private final Kind kind;
  private final int column;

  public SearchException(Kind kind, String message) {
    this(kind, message, 0);
  }

  /**
   * @param column 1-based column in the query string where the problem is; 0 when unknown
   */
  public SearchException(Kind kind, String message, int column) {
    super(message);
    this.kind = kind;
    this.column = column;
  }

  public Kind kind() {
    return kind;
  }

  /** 1-based column in the query string, or 0. */
  public int column() {
    return column;
  }
}
