package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.spack.SpackVersion;

class SpecSearchTest {
  private static final String GCC_ON_AARCH64 = "compiler:gcc* AND target:aarch64";
  private static final String SPLIT_HASH = "zjpj5ait7gfxsoiotbyjcorlyq5pjxdw";

  @TempDir static Path tmp;
  private static SearchIndex index;
  private static SearchIndex fixtureIndex;
  private static List<RawSpec> corpus;
  private IndexView view;

  @BeforeAll
  static void ingestCorpusAndFixture() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), Corpus.cacheTree());
    corpus = Corpus.rawSpecs(Corpus.cacheTree());
    writeFixture(tmp.resolve("fixture"));
    fixtureIndex = TestIndex.of(tmp.resolve("fixture-index"), tmp.resolve("fixture"));
  }

  @AfterAll
  static void closeIndexes() throws IOException {
    index.close();
    fixtureIndex.close();
  }

  @BeforeEach
  void acquire() throws IOException {
    view = index.acquire();
  }

  @AfterEach
  void release() throws IOException {
    view.close();
  }

  private static List<String> ids(Predicate<RawSpec> which, Comparator<RawSpec> order) {
    return corpus.stream().filter(which).sorted(order).map(RawSpec::id).toList();
  }

  private static boolean gccOnAarch64(RawSpec s) {
    return s.text("compiler").startsWith("gcc") && s.text("target").equals("aarch64");
  }

  private static String newestVersion(RawSpec s) {
    return s.strings("versions").stream().min(SpackVersion.NEWEST_FIRST).orElseThrow();
  }

  private static final Comparator<RawSpec> BY_ID = Comparator.comparing(RawSpec::id);

  /** The orders of {@link SortOrder}, computed from the files; RELEVANCE has none to compare. */
  private static final Map<SortOrder, Comparator<RawSpec>> ORDERS =
      Map.of(
          SortOrder.PACKAGE,
          Comparator.comparing(RawSpec::name).thenComparing(BY_ID),
          SortOrder.HASH,
          Comparator.comparing(RawSpec::hash).thenComparing(BY_ID),
          SortOrder.COMPILER,
          Comparator.comparing(RawSpec::compiler).thenComparing(RawSpec::name).thenComparing(BY_ID),
          SortOrder.VERSION,
          Comparator.comparing((RawSpec s) -> SpackVersion.sortKey(newestVersion(s)))
              .reversed()
              .thenComparing(RawSpec::name)
              .thenComparing(BY_ID));

  /** Every hit of a query, page by page, checking each page's shape on the way. */
  static List<SpecHit> pageThrough(IndexView view, String query, SortOrder sort, int first) {
    List<SpecHit> hits = new ArrayList<>();
    String after = null;
    while (true) {
      ResultPage<SpecHit> page =
          view.search(new SpecRequest(Selection.of(query, null), first, after, sort, false));
      assertEquals(after != null, page.hasPrevious());
      assertEquals(null, page.totalCount());
      page.edges().forEach(e -> hits.add(e.node()));
      if (!page.hasNext()) {
        return hits;
      }
      assertEquals(first, page.edges().size());
      after = page.edges().get(first - 1).cursor();
    }
  }

  private static List<String> ids(List<SpecHit> hits) {
    return hits.stream().map(h -> h.tag() + "/" + h.hash()).toList();
  }

  private ResultPage<SpecHit> search(String query, SpecFilter filter, int first, SortOrder sort) {
    return view.search(new SpecRequest(Selection.of(query, filter), first, null, sort, true));
  }

  private static void assertRefused(
      SearchException.Kind kind, String message, Executable executable) {
    SearchException e = assertThrows(SearchException.class, executable);
    assertEquals(List.of(kind, message), List.of(e.kind(), e.getMessage()));
  }

  @Test
  void totalCountOfGccOnAarch64EqualsTheCountInThePageFiles() {
    ResultPage<SpecHit> result = search(GCC_ON_AARCH64, null, 1, null);

    assertEquals(80, corpus.stream().filter(SpecSearchTest::gccOnAarch64).count());
    assertEquals(80, result.totalCount());
    assertEquals(1, result.edges().size());
    assertEquals(true, result.hasNext());
  }

  @Test
  void filtersAreOrWithinAFieldAndAndAcrossFields() {
    SpecFilter filter =
        SpecFilter.fromApi(
            Map.of("target", List.of("aarch64", "ppc64le"), "os", List.of("ubuntu20.04")));
    int expected =
        (int)
            corpus.stream()
                .filter(s -> List.of("aarch64", "ppc64le").contains(s.text("target")))
                .filter(s -> s.text("os").equals("ubuntu20.04"))
                .count();

    assertEquals(56, expected);
    assertEquals(expected, search(null, filter, 1, null).totalCount());
    Map<SpecField, List<String>> onDarwin = new HashMap<>(filter.values());
    onDarwin.put(SpecField.PLATFORM, List.of("darwin"));
    assertEquals(0, search(null, new SpecFilter(onDarwin), 1, null).totalCount());
  }

  @Test
  void anUnknownFilterFieldOrTooManyValuesAreRefused() {
    assertRefused(
        SearchException.Kind.BAD_ARGUMENT,
        "unknown filter field 'arch'",
        () -> SpecFilter.fromApi(Map.of("arch", List.of("linux-ubuntu22.04-x86_64_v3"))));
    List<String> many = Collections.nCopies(1001, "aarch64");
    assertRefused(
        SearchException.Kind.LIMIT,
        "filter target has 1001 values; at most 1000",
        () -> search(null, SpecFilter.fromApi(Map.of("target", many)), 1, null));
  }

  @TestFactory
  Stream<DynamicTest> pagingSevenAtATimeReturnsEveryMatchOnceInTheSortOrder() {
    List<String> expected = ids(SpecSearchTest::gccOnAarch64, BY_ID);
    return Arrays.stream(SortOrder.values())
        .map(
            sort ->
                DynamicTest.dynamicTest(
                    sort.name(),
                    () -> {
                      List<String> ids = ids(pageThrough(view, GCC_ON_AARCH64, sort, 7));

                      assertEquals(80, ids.size());
                      assertEquals(ids.size(), new HashSet<>(ids).size());
                      assertEquals(expected, ids.stream().sorted().toList());
                      if (ORDERS.containsKey(sort)) {
                        assertEquals(ids(SpecSearchTest::gccOnAarch64, ORDERS.get(sort)), ids);
                      }
                    }));
  }

  @Test
  void relevancePagesFollowTheScoresOfOneLargePage() {
    String query = "ppc64le OR neoverse_v1";
    ResultPage<SpecHit> onePage = search(query, null, 100, SortOrder.RELEVANCE);

    assertEquals(91, onePage.totalCount());
    assertEquals(false, onePage.hasNext());
    assertEquals(
        ids(s -> List.of("ppc64le", "neoverse_v1").contains(s.text("target")), BY_ID),
        ids(nodes(onePage)).stream().sorted().toList());
    assertEquals(ids(nodes(onePage)), ids(pageThrough(view, query, SortOrder.RELEVANCE, 7)));
  }

  @Test
  void versionOrderIsNewestFirstInSpackOrderOverTheWholeIndex() {
    List<SpecHit> hits = pageThrough(view, null, SortOrder.VERSION, 100);

    assertEquals(ids(s -> true, ORDERS.get(SortOrder.VERSION)), ids(hits));
    List<String> versions = hits.stream().map(h -> h.versions().get(0)).distinct().toList();
    assertEquals(List.of("master", "2025.08.20", "85", "24.10", "19.0.1"), versions.subList(0, 5));
    assertEquals(
        List.of("0.7.1", "0.4", "0.3"), versions.subList(versions.size() - 3, versions.size()));
    assertEquals(versions.stream().sorted(SpackVersion.NEWEST_FIRST).toList(), versions);
  }

  @Test
  void withoutAQueryRelevanceFallsBackToPackageOrder() {
    ResultPage<SpecHit> relevance = search(null, null, 5, SortOrder.RELEVANCE);
    ResultPage<SpecHit> byDefault = search("  ", null, 5, null);

    assertEquals(
        ids(s -> true, ORDERS.get(SortOrder.PACKAGE)).subList(0, 5), ids(nodes(relevance)));
    assertEquals(relevance, byDefault);
    assertEquals(905, relevance.totalCount());
  }

  private static List<SpecHit> nodes(ResultPage<SpecHit> result) {
    return result.edges().stream().map(ResultPage.Edge::node).toList();
  }

  @Test
  void aCursorOfAnotherSortOrderIsRefused() {
    String cursor = search(null, null, 1, SortOrder.PACKAGE).edges().get(0).cursor();

    assertRefused(
        SearchException.Kind.BAD_CURSOR,
        "invalid cursor: it was made for another sort order; pass the endCursor of the previous"
            + " page unchanged",
        () -> view.search(new SpecRequest(Selection.ALL, 1, cursor, SortOrder.HASH, false)));
  }

  @Test
  void aCursorThisServerDidNotMakeIsRefusedWithWhatIsWrongWithIt() {
    String cursor = search(null, null, 1, SortOrder.PACKAGE).edges().get(0).cursor();
    byte[] bytes = Base64.getUrlDecoder().decode(cursor);
    Map<String, String> cursors = new TreeMap<>();
    cursors.put("not a cursor!", "it is not a cursor this server made");
    cursors.put("", "it is not a cursor this server made");
    cursors.put(
        encode(Arrays.copyOf(bytes, bytes.length - 3)), "it is not a cursor this server made");
    cursors.put(encode(Arrays.copyOf(bytes, bytes.length + 1)), "it is damaged");
    cursors.put(encode(new byte[] {1, 2, 9}), "it is damaged");
    cursors.put(encode(new byte[] {1, 3}), "it does not fit this sort order");

    cursors.forEach(
        (garbage, why) ->
            assertRefused(
                SearchException.Kind.BAD_CURSOR,
                "invalid cursor: " + why + "; pass the endCursor of the previous page unchanged",
                () ->
                    view.search(
                        new SpecRequest(Selection.ALL, 1, garbage, SortOrder.PACKAGE, false))));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void aPageHoldsOneToAHundredSpecs() {
    assertRefused(
        SearchException.Kind.LIMIT,
        "first is 101 but a page holds 1 to 100 items; page with `after`",
        () -> search(null, null, 101, null));
    for (int first : new int[] {0, -1}) {
      assertRefused(
          SearchException.Kind.BAD_ARGUMENT,
          "first is " + first + " but must be at least 1",
          () -> search(null, null, first, null));
    }
    assertEquals(100, search(null, null, 100, null).edges().size());
  }

  private static final SpecHit PY_FILELOCK_ON_POWER =
      new SpecHit(
          "py-filelock",
          "develop",
          new Spec(
              "2le7clpozbk73bii2o75wtxc45r37ng3",
              new Compiler("gcc@=9.4.0", "gcc", "9.4.0"),
              "ubuntu20.04",
              "linux",
              "ppc64le",
              List.of(
                  new Variant("build_system=python_pip", "build_system", List.of("python_pip"))),
              List.of("3.12.4"),
              List.of("e4s-power", "root"),
              null,
              Map.of(),
              List.of(),
              List.of()));

  @Test
  void aFullHashOrAUniqueSevenCharacterPrefixFindsTheSpec() {
    assertEquals(
        Optional.of(PY_FILELOCK_ON_POWER), view.spec("2le7clpozbk73bii2o75wtxc45r37ng3", null));
    assertEquals(Optional.of(PY_FILELOCK_ON_POWER), view.spec("2le7clp", null));
    assertEquals(Optional.empty(), view.spec("2le7clq", null));
  }

  @Test
  void aHashPrefixShorterThanSevenOrOutsideTheAlphabetIsRefused() {
    for (String hash : List.of("2le7cl", "2LE7CLP", "2le7clp0", "")) {
      assertRefused(
          SearchException.Kind.BAD_ARGUMENT,
          "a hash is 7 to 32 characters of a-z and 2-7, not '" + hash + "'",
          () -> view.spec(hash, null));
    }
  }

  @Test
  void theOnlyHashInTwoTagsIsListedWithBothAndDevelopIsPreferred() {
    Map<String, TreeSet<String>> tagsByHash = new TreeMap<>();
    corpus.forEach(s -> tagsByHash.computeIfAbsent(s.hash(), h -> new TreeSet<>()).add(s.tag()));
    tagsByHash.values().removeIf(tags -> tags.size() < 2);
    assertEquals(
        Map.of(SPLIT_HASH, new TreeSet<>(List.of("develop", "develop-2025-03-30"))), tagsByHash);

    assertEquals(List.of("develop", "develop-2025-03-30"), view.tagsOf(SPLIT_HASH));
    assertEquals("develop", view.spec(SPLIT_HASH, null).orElseThrow().tag());
    assertEquals(
        "develop-2025-03-30", view.spec("zjpj5ai", "develop-2025-03-30").orElseThrow().tag());
    assertEquals(Optional.empty(), view.spec(SPLIT_HASH, "v0.23.0"));
    assertEquals(List.of(), view.tagsOf("zjpj5ai"));
  }

  private static final String FIRST = "abcdefghij" + "k".repeat(22);
  private static final String SECOND = "abcdefghij" + "l".repeat(22);
  private static final String THIRD = "q".repeat(32);

  /**
   * Two pages whose hashes share their first ten characters (no 7-character prefix is shared in the
   * corpus), with sizes and a spec without a version, which the corpus does not have either.
   */
  private static void writeFixture(Path tree) throws IOException {
    writePage(
        tree,
        "fixture-one",
        "{\"compiler\": \"gcc@13.2.0\", \"hash\": \""
            + FIRST
            + "\", \"os\": \"ubuntu24.04\", \"platform\": \"linux\", \"size\": 1000,"
            + " \"stacks\": [\"root\"], \"target\": \"x86_64_v3\", \"variants\": [\"+shared\"],"
            + " \"versions\": [\"2.0\"]}");
    writePage(
        tree,
        "fixture-two",
        "{\"compiler\": \"gcc@=11.4.0\", \"hash\": \""
            + SECOND
            + "\", \"os\": \"ubuntu22.04\", \"platform\": \"linux\", \"size\": 5000,"
            + " \"stacks\": [\"root\"], \"target\": \"aarch64\", \"variants\": [\"~shared\"],"
            + " \"versions\": [\"2.0rc1\"]}, {\"compiler\": \"none\", \"hash\": \""
            + THIRD
            + "\", \"os\": \"ubuntu22.04\", \"platform\": \"linux\", \"size\": \"-\","
            + " \"stacks\": [], \"target\": \"aarch64\", \"variants\": [], \"versions\": []}");
  }

  private static void writePage(Path tree, String name, String specs) throws IOException {
    Path file = tree.resolve("_cache/develop").resolve(name).resolve("specs.md");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "---\ntitle: \""
            + name
            + "\"\nlayout: cache\ncategories: [package, develop]\nspec_details: ["
            + specs
            + "]\n---\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void aPrefixOfTwoHashesIsAmbiguousAndNamesBoth() throws IOException {
    try (IndexView fixture = fixtureIndex.acquire()) {
      assertRefused(
          SearchException.Kind.AMBIGUOUS_HASH,
          "hash prefix 'abcdefghij' matches 2 specs: "
              + FIRST
              + " (fixture-one), "
              + SECOND
              + " (fixture-two); give more characters",
          () -> fixture.spec("abcdefghij", null));
      assertEquals(FIRST, fixture.spec("abcdefghijk", null).orElseThrow().hash());
    }
  }

  @Test
  void versionOrderPutsAPrereleaseAfterItsReleaseAndASpecWithoutVersionLast() throws IOException {
    try (IndexView fixture = fixtureIndex.acquire()) {
      List<SpecHit> hits = pageThrough(fixture, null, SortOrder.VERSION, 1);
      SpecRequest all = new SpecRequest(Selection.ALL, 3, null, SortOrder.VERSION, false);
      String last = fixture.search(all).edges().get(2).cursor();
      ResultPage<SpecHit> afterLast =
          fixture.search(new SpecRequest(Selection.ALL, 3, last, SortOrder.VERSION, false));

      assertEquals(List.of(FIRST, SECOND, THIRD), hits.stream().map(SpecHit::hash).toList());
      assertEquals(new ResultPage<SpecHit>(List.of(), false, true, null), afterLast);
    }
  }

  @Test
  void sizeRangesMatchOnlySpecsWithASize() throws IOException {
    try (IndexView fixture = fixtureIndex.acquire()) {
      assertEquals(List.of(SECOND), hashes(fixture, "size:[2000 TO *]"));
      assertEquals(List.of(FIRST), hashes(fixture, "size:1000"));
      assertEquals(List.of(FIRST, SECOND), hashes(fixture, "size:[* TO *]"));
      assertEquals(List.of(FIRST, SECOND, THIRD), hashes(fixture, "abcdefghij* OR compiler:none"));
    }
  }

  private List<String> hashes(IndexView fixture, String query) {
    return pageThrough(fixture, query, SortOrder.HASH, 100).stream().map(SpecHit::hash).toList();
  }
}
