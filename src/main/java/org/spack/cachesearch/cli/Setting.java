package org.spack.cachesearch.cli;

import java.time.Duration;
import org.spack.cachesearch.graphql.ApiLimits;
import org.spack.cachesearch.http.AccessLog;
import org.spack.cachesearch.http.HttpLimits;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.search.Limits;

/**
 * Every setting and limit of {@code serve}, one entry each: its flag, the kind of value, the
 * default (taken from the record that owns it) and what it bounds. Each is also read from the
 * environment variable {@code SPACK_SEARCH_<FLAG>} ({@link EnvironmentDefaults}); the README's
 * table lists them.
 */
enum Setting {
  HOST(
      "--host", "ADDRESS", Kind.TEXT, "127.0.0.1", "Address to bind; 0.0.0.0 for every interface."),
  PORT("--port", Kind.PORT, 8080, "TCP port; 0 for any free port."),
  CORS_ORIGIN(
      "--cors-origin",
      "ORIGIN",
      Kind.LIST,
      "",
      "Origins allowed to call /graphql from a browser page (repeatable or comma-separated;"
          + " '*' for any). Off when empty."),
  ACCESS_LOG(
      "--access-log",
      "WHERE",
      Kind.TEXT,
      AccessLog.STDOUT,
      "Access log (combined format): stdout, off, or a directory to write access.log in."),
  MAX_BODY(
      "--max-body",
      Kind.COUNT,
      ServerConfig.DEFAULT_MAX_BODY_BYTES,
      "Largest request body accepted, in bytes (413 beyond)."),
  MAX_CONCURRENT(
      "--max-concurrent",
      Kind.COUNT,
      HttpLimits.DEFAULT.maxConcurrent(),
      "GraphQL requests running at once."),
  MAX_QUEUED(
      "--max-queued",
      Kind.COUNT_OR_ZERO,
      HttpLimits.DEFAULT.maxQueued(),
      "GraphQL requests waiting for a running one; beyond these, 503 with Retry-After."),
  RETRY_AFTER(
      "--retry-after",
      Kind.SECONDS,
      HttpLimits.DEFAULT.retryAfter(),
      "Retry-After of a 503 when busy, in seconds."),
  HEADER_TIMEOUT(
      "--header-timeout",
      Kind.SECONDS,
      HttpLimits.DEFAULT.headerTimeout(),
      "Seconds for a request line and its headers to arrive."),
  READ_TIMEOUT(
      "--read-timeout",
      Kind.SECONDS,
      HttpLimits.DEFAULT.readTimeout(),
      "Longest pause while a request arrives, in seconds."),
  WRITE_TIMEOUT(
      "--write-timeout",
      Kind.SECONDS,
      HttpLimits.DEFAULT.writeTimeout(),
      "Longest pause while a client reads a response, in seconds."),
  IDLE_TIMEOUT(
      "--idle-timeout",
      Kind.SECONDS,
      HttpLimits.DEFAULT.idleTimeout(),
      "Seconds a connection may stay open without a request."),
  SHUTDOWN_GRACE(
      "--shutdown-grace",
      Kind.SECONDS_OR_ZERO,
      HttpLimits.DEFAULT.shutdownGrace(),
      "Seconds requests in flight get to finish on SIGTERM; new ones get 503."),
  REFRESH(
      "--refresh",
      Kind.SECONDS,
      Duration.ofSeconds(1),
      "How often to look for a new index commit, in seconds."),
  TIMEOUT(
      "--timeout",
      Kind.SECONDS,
      Limits.DEFAULT.timeout(),
      "Search time of one request, in seconds."),
  MAX_FIRST(
      "--max-first", Kind.COUNT, Limits.DEFAULT.maxFirst(), "Most items on one page (first)."),
  MAX_FACET_VALUES(
      "--max-facet-values",
      Kind.COUNT,
      Limits.DEFAULT.maxFacetValues(),
      "Most values one facet lists (limit)."),
  MAX_FILTER_VALUES(
      "--max-filter-values",
      Kind.COUNT,
      Limits.DEFAULT.maxFilterValues(),
      "Most values in one filter field's list."),
  MAX_QUERY_LENGTH(
      "--max-query-length",
      Kind.COUNT,
      Limits.DEFAULT.maxQueryLength(),
      "Longest Lucene query or spec, in characters."),
  MAX_CLAUSES(
      "--max-clauses",
      Kind.COUNT,
      Limits.DEFAULT.maxClauses(),
      "Most clauses a query may expand to, wildcards included."),
  DETERMINIZE_WORK_LIMIT(
      "--determinize-work-limit",
      Kind.COUNT,
      Limits.DEFAULT.determinizeWorkLimit(),
      "Most automaton work for one wildcard, regexp or fuzzy term (Lucene's units)."),
  MAX_PATTERN_TERMS(
      "--max-pattern-terms",
      Kind.COUNT,
      Limits.DEFAULT.maxPatternTerms(),
      "Most wildcard, regexp and fuzzy terms in one query (a prefix such as gcc* not counted)."),
  MAX_PATTERN_LENGTH(
      "--max-pattern-length",
      Kind.COUNT,
      Limits.DEFAULT.maxPatternLength(),
      "Longest wildcard or regexp term, in characters."),
  MAX_FUZZY_LENGTH(
      "--max-fuzzy-length",
      Kind.COUNT,
      Limits.DEFAULT.maxFuzzyLength(),
      "Longest fuzzy term (word~), in characters."),
  MIN_LEADING_WILDCARD_LITERALS(
      "--min-leading-wildcard-literals",
      Kind.COUNT_OR_ZERO,
      Limits.DEFAULT.minLeadingWildcardLiterals(),
      "Fewest other characters in a wildcard term that begins with * or ? (* alone: every spec)."),
  MAX_DOCUMENT_CHARACTERS(
      "--max-document-characters",
      Kind.COUNT,
      ApiLimits.DEFAULT.maxCharacters(),
      "Longest GraphQL document, in characters."),
  MAX_TOKENS(
      "--max-tokens",
      Kind.COUNT,
      ApiLimits.DEFAULT.maxTokens(),
      "Most grammar tokens in a GraphQL document (comments counted apart, same limit)."),
  MAX_WHITESPACE_TOKENS(
      "--max-whitespace-tokens",
      Kind.COUNT,
      ApiLimits.DEFAULT.maxWhitespaceTokens(),
      "Most whitespace and comma tokens in a GraphQL document."),
  MAX_RULE_DEPTH(
      "--max-rule-depth",
      Kind.COUNT,
      ApiLimits.DEFAULT.maxRuleDepth(),
      "Deepest nesting of the GraphQL parser's grammar rules."),
  MAX_ALIASES("--max-aliases", Kind.COUNT, ApiLimits.DEFAULT.maxAliases(), "Most aliased fields."),
  MAX_ROOT_FIELDS(
      "--max-root-fields",
      Kind.COUNT,
      ApiLimits.DEFAULT.maxRootFields(),
      "Most fields an operation selects at its root, fragments expanded."),
  MAX_DEPTH("--max-depth", Kind.COUNT, ApiLimits.DEFAULT.maxDepth(), "Deepest field nesting run."),
  MAX_COST(
      "--max-cost",
      Kind.COUNT,
      ApiLimits.DEFAULT.maxCost(),
      "Highest cost of the operation run (a page of 100 specs of 40 fields passes).");

  final String flag;
  final String label;
  final Kind kind;
  final String defaultValue;
  final String description;

  Setting(String flag, Kind kind, Object defaultValue, String description) {
    this(flag, kind.label, kind, defaultValue, description);
  }

  Setting(String flag, String label, Kind kind, Object defaultValue, String description) {
    this.flag = flag;
    this.label = label;
    this.kind = kind;
    this.defaultValue = kind.format(defaultValue);
    this.description = description;
  }

  /** The environment variable: {@code --max-body} is {@code SPACK_SEARCH_MAX_BODY}. */
  String variable() {
    return EnvironmentDefaults.variable(flag);
  }
}
