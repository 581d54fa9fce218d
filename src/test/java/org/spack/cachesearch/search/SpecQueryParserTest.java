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

  @Test
  void starAloneIsEverySpecAsStarColonStarIs() {
    assertEquals(new MatchAllDocsQuery(), parser.parse("*"));
    assertEquals("+*:* -platform:darwin", parsed("* -platform:darwin"));
  }

  @Test
  void aLeadingWildcardNeedsTwoOtherCharacters() {
    assertEquals("text:*64", parsed("*64"));
    assertEquals("target:?86_64", parsed("target:?86_64"));
    assertRefused(
        "target:*4",
        SearchException.Kind.LIMIT,
        "leading wildcard '*4' has 1 other character; the minimum is 2",
        0);
    assertRefused(
        "package:*",
        SearchException.Kind.LIMIT,
        "leading wildcard '*' has 0 other characters; the minimum is 2",
        0);
    assertRefused(
        "?*?",
        SearchException.Kind.LIMIT,
        "leading wildcard '?*?' has 0 other characters; the minimum is 2",
        0);
  }

  @Test
  void eightPatternTermsPassAndANinthIsRefused() {
    String eight = "a?c b*d /e.f/ ghij~1 ".repeat(2).trim();
    assertEquals(8, parser.parse(eight).toString().split(" ").length);
    assertRefused(
        eight + " k?m",
        SearchException.Kind.LIMIT,
        "query has more than 8 wildcard, regexp and fuzzy terms; the limit is 8",
        0);
  }

  @Test
  void aPrefixIsNoPatternTerm() {
    assertEquals(9, parser.parse("a* ".repeat(9).trim()).toString().split(" ").length);
  }

  @Test
  void patternTermsAreHeldToTheirLengths() {
    String wildcard = "a*" + "b".repeat(254);
    assertEquals("text:" + wildcard, parsed(wildcard));
    assertRefused(
        wildcard + "c",
        SearchException.Kind.LIMIT,
        "wildcard 'a*bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb...' is 257 characters long; the limit"
            + " is 256",
        0);
    assertEquals("text:" + "f".repeat(20) + "~2", parsed("f".repeat(20) + "~"));
    assertRefused(
        "f".repeat(21) + "~",
        SearchException.Kind.LIMIT,
        "fuzzy term 'fffffffffffffffffffff' is 21 characters long; the limit is 20",
        0);
  }

  @Test
  void aRegexpThatDoesNotParseIsASyntaxError() {
    assertRefused(
        "package:/py-(/",
        SearchException.Kind.QUERY_SYNTAX,
        "regexp '/py-(/' does not parse: unexpected end-of-string",
        0);
  }

  @Test
  void anAutomatonOverTheWorkLimitIsALimitError() {
    assertRefused(
        "/[ab]{1000}{1000}/",
        SearchException.Kind.LIMIT,
        "regexp '/[ab]{1000}{1000}/' is too complex: its automaton needs more work than the"
            + " limit of 10000",
        0);
    SpecQueryParser strict =
        new SpecQueryParser(
            new IndexSchema(),
            new Limits(Limits.DEFAULT.timeout(), 100, 1000, 1000, 4096, 1024, 10, 8, 256, 20, 2));
    String wildcard = "*a*b*c*d*e*f*g*h";
    assertEquals("text:" + wildcard, parsed(wildcard));
    SearchException e = assertThrows(SearchException.class, () -> strict.parse(wildcard));
    assertEquals(
        List.of(
            SearchException.Kind.LIMIT,
            "wildcard '*a*b*c*d*e*f*g*h' is too complex: its automaton needs more work than the"
                + " limit of 10"),
        List.of(e.kind(), e.getMessage()));
  }
}
