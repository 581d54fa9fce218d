package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.spack.cachesearch.index.IndexSchema;

class SpecQueryParserTest {
  private static final String FIELDS =
      "package, tag, hash, compiler, compilerName, compilerVersion, versions, os, platform,"
          + " target, arch, stacks, variants, dependencies, directDependencies, virtuals, size, text";

  private final SpecQueryParser parser = new SpecQueryParser(new IndexSchema(), Limits.DEFAULT);

  private String parsed(String query) {
    return parser.parse(query).toString();
  }

  private void assertRefused(String query, SearchException.Kind kind, String message, int column) {
    SearchException e = assertThrows(SearchException.class, () -> parser.parse(query));
    assertEquals(List.of(kind, message, column), List.of(e.kind(), e.getMessage(), e.column()));
  }

  @Test
  void aBareWordSearchesTheCatchAllFieldLowercased() {
    assertEquals("text:py-filelock", parsed("Py-FileLock"));
    assertEquals("text:py*", parsed("Py*"));
    assertEquals("text:\"py filelock\"", parsed("text:\"Py FileLock\""));
  }

  @Test
  void keywordFieldsKeepTheValueWholeAndCaseSensitive() {
    assertEquals("compiler:gcc*", parsed("compiler:gcc*"));
    assertEquals("compiler:gcc@=11.4.0", parsed("compiler:gcc@=11.4.0"));
    assertEquals("compiler:gcc@=11.4.0", parsed("compiler:\"gcc@=11.4.0\""));
    assertEquals("variants:build_system=cmake", parsed("variants:build_system=cmake"));
    assertEquals("package:Py-FileLock", parsed("package:Py-FileLock"));
    assertEquals("package:/py-.*/", parsed("package:/py-.*/"));
  }

  @Test
  void aMinusExcludesAndTheDefaultOperatorIsAnd() {
    assertEquals("+os:ubuntu24.04 -platform:darwin", parsed("os:ubuntu24.04 -platform:darwin"));
    assertEquals("+text:zlib +text:gcc", parsed("zlib gcc"));
    assertEquals("text:zlib text:bzip2", parsed("zlib OR bzip2"));
  }

  @Test
  void exclusionsAloneSubtractFromEverything() {
    assertEquals("+*:* -platform:darwin", parsed("-platform:darwin"));
    assertEquals("+*:* -platform:darwin -os:sequoia", parsed("-platform:darwin -os:sequoia"));
  }

  @Test
  void starColonStarIsEverySpec() {
    assertEquals(new MatchAllDocsQuery(), parser.parse("*:*"));
    assertEquals("+*:* +target:aarch64", parsed("*:* AND target:aarch64"));
  }

  @Test
  void sizeTakesNumbersAndRangesInclusiveOrExclusive() {
    assertEquals("size:[1000 TO 9223372036854775807]", parsed("size:[1000 TO *]"));
    assertEquals("size:[-9223372036854775808 TO 100]", parsed("size:[* TO 100]"));
    assertEquals("size:[1001 TO 1999]", parsed("size:{1000 TO 2000}"));
    assertEquals("size:[2048 TO 2048]", parsed("size:2048"));
  }

  @Test
  void nullOrBlankMatchesEverySpec() {
    assertEquals(new MatchAllDocsQuery(), parser.parse(null));
    assertEquals(new MatchAllDocsQuery(), parser.parse("  "));
  }

  @Test
  void anUnknownFieldIsRefusedWithTheListOfSearchableFields() {
    assertRefused(
        "name:zlib",
        SearchException.Kind.UNKNOWN_FIELD,
        "unknown field 'name'; searchable fields are " + FIELDS,
        0);
    assertRefused(
        "zlib AND foo:bar*",
        SearchException.Kind.UNKNOWN_FIELD,
        "unknown field 'foo'; searchable fields are " + FIELDS,
        0);
  }

  @Test
  void anUnbalancedParenthesisEndsTooEarlyOnePastTheLastColumn() {
    assertRefused(
        "compiler:(gcc",
        SearchException.Kind.QUERY_SYNTAX,
        "query syntax error at column 14: the query ends too early",
        14);
  }

  @Test
  void aTrailingOperatorEndsTooEarly() {
    assertRefused(
        "zlib AND",
        SearchException.Kind.QUERY_SYNTAX,
        "query syntax error at column 9: the query ends too early",
        9);
  }

  @Test
  void anUnexpectedTokenIsNamedWithItsColumn() {
    assertRefused(
        "zlib ) gcc",
        SearchException.Kind.QUERY_SYNTAX,
        "query syntax error at column 6 near ')'",
        6);
  }

  @Test
  void anUnterminatedQuoteIsALexicalErrorAtTheEnd() {
    assertRefused(
        "os:\"ubuntu",
        SearchException.Kind.QUERY_SYNTAX,
        "query syntax error at column 11: unexpected character or end of query",
        11);
  }

  @Test
  void sizeThatIsNotANumberIsABadArgument() {
    assertRefused(
        "size:big",
        SearchException.Kind.BAD_ARGUMENT,
        "size takes a number of bytes or a range like size:[1000 TO *], not 'big'",
        0);
    assertRefused(
        "size:[1k TO *]",
        SearchException.Kind.BAD_ARGUMENT,
        "size takes a number of bytes or a range like size:[1000 TO *], not '1k'",
        0);
    assertRefused(
        "size:\"*\"",
        SearchException.Kind.BAD_ARGUMENT,
        "size takes a number of bytes or a range",
        0);
  }

  @Test
  void aQueryOverTheLengthCapIsRefusedBeforeParsing() {
    String longest = "package:" + "a".repeat(4088);
    assertEquals(longest, parsed(longest));
    assertRefused(
        "a".repeat(4097),
        SearchException.Kind.LIMIT,
        "query is 4097 characters long; at most 4096",
        0);
  }

  @Test
  void aQueryOfMoreClausesThanLuceneAllowsIsALimitNotASyntaxError() {
    assertRefused(
        "a ".repeat(1025), SearchException.Kind.LIMIT, "query has more than 1024 clauses", 0);
  }
}
