package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.Corpus.RawPage;
import org.spack.cachesearch.Corpus.RawSpec;
import org.spack.cachesearch.search.PackageSummary.StackCount;
import org.spack.cachesearch.search.Requests.PackageOrder;
import org.spack.cachesearch.search.Requests.PackageRequest;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.spack.SpackVersion;

class PackagesTest {
  @TempDir static Path tmp;
  private static SearchIndex index;
  private static List<RawPage> pages;
  private IndexView view;

  @BeforeAll
  static void ingestCorpus() throws IOException {
    index = TestIndex.of(tmp.resolve("index"), Corpus.cacheTree());
    pages = Corpus.rawPages(Corpus.cacheTree());
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @BeforeEach
  void acquire() throws IOException {
    view = index.acquire();
  }

  @AfterEach
  void release() throws IOException {
    view.close();
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> sorted(List<String> values) {
    return new TreeSet<>(values).stream().toList();
  }

  /** The summary a page's own meta gives, with the other tags its package is in. */
  private static PackageSummary fromMeta(RawPage page) {
    JsonNode meta = page.meta();
    List<StackCount> byStack = new ArrayList<>();
    meta.get("num_specs_by_stack")
        .properties()
        .forEach(e -> byStack.add(new StackCount(e.getKey(), e.getValue().asInt())));
    byStack.sort(Comparator.comparing(StackCount::stack));
    return new PackageSummary(
        page.name(),
        page.tag(),
        page.numSpecs(),
        strings(meta.get("versions")).stream().sorted(SpackVersion.NEWEST_FIRST).toList(),
        sorted(strings(meta.get("compilers")).stream().map(c -> c.replace("@=", "@")).toList()),
        sorted(strings(meta.get("oss"))),
        sorted(strings(meta.get("platforms"))),
        sorted(strings(meta.get("targets"))),
        sorted(strings(meta.get("stacks"))),
        byStack,
        pages.stream()
            .filter(p -> p.name().equals(page.name()) && !p.tag().equals(page.tag()))
            .map(RawPage::tag)
            .sorted()
            .toList());
  }

  private static RawPage page(String tag, String name) {
    return pages.stream()
        .filter(p -> p.tag().equals(tag) && p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Every row of a listing, page by page, checking each page's shape on the way. */
  private List<PackageSummary> rows(
      String query, SpecFilter filter, int first, PackageOrder order) {
    List<PackageSummary> rows = new ArrayList<>();
    String after = null;
    while (true) {
      ResultPage<PackageSummary> page =
          view.packages(new PackageRequest(Selection.of(query, filter), first, after, order));
      assertEquals(after != null, page.hasPrevious());
      page.edges().forEach(e -> rows.add(e.node()));
      if (!page.hasNext()) {
        assertEquals(rows.size(), page.totalCount());
        return rows;
      }
      assertEquals(first, page.edges().size());
      after = page.edges().get(first - 1).cursor();
    }
  }

  private static List<String> keys(List<PackageSummary> rows) {
    return rows.stream().map(s -> s.tag() + "/" + s.name() + " " + s.numSpecs()).toList();
  }

  @Test
  void theSeedPackageSummaryEqualsItsPageMeta() {
    PackageSummary expected = fromMeta(page("develop", "py-filelock"));

    assertEquals(Optional.of(expected), view.packageByName("py-filelock", "develop"));
    assertEquals(124, expected.numSpecs());
    assertEquals(
        List.of(
            "apple-clang@16.0.0",
            "gcc@11.4.0",
            "gcc@13.2.0",
            "gcc@7.5.0",
            "gcc@9.4.0",
            "oneapi@2024.2.1"),
        expected.compilers());
  }

  @Test
  void everyPackageSummaryEqualsItsPageMetaAndNamesTheOtherTags() {
    for (RawPage page : pages) {
      assertEquals(
          Optional.of(fromMeta(page)),
          view.packageByName(page.name(), page.tag()),
          page.file().toString());
    }
    assertEquals(
        List.of("develop-2025-03-30"),
        view.packageByName("rocblas", "develop-2025-03-23").orElseThrow().otherTags());
  }

  @Test
  void aPackageNotInTheTagOrNotAtAllIsEmpty() {
    assertEquals(Optional.empty(), view.packageByName("py-filelock", "v0.23.0"));
    assertEquals(Optional.empty(), view.packageByName("no-such-package", "develop"));
  }

  @Test
  void pagingFiveRowsAtATimeListsEveryPackageOfEveryTagOnceByName() {
    List<PackageSummary> rows = rows(null, null, 5, PackageOrder.NAME);

    assertEquals(73, rows.size());
    assertEquals(
        pages.stream()
            .sorted(Comparator.comparing(RawPage::name).thenComparing(RawPage::tag))
            .map(PackagesTest::fromMeta)
            .toList(),
        rows);
  }

  @Test
  void aCursorOfTheOtherOrderIsRefused() {
    String byName =
        view.packages(new PackageRequest(Selection.ALL, 5, null, PackageOrder.NAME))
            .edges()
            .get(4)
            .cursor();

    SearchException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SearchException.class,
            () -> view.packages(new PackageRequest(Selection.ALL, 5, byName, PackageOrder.SPECS)));
    assertEquals(SearchException.Kind.BAD_CURSOR, e.kind());
  }

  @Test
  void specsOrderPutsThePackagesWithMostSpecsFirstThenByName() {
    List<PackageSummary> rows = rows("", SpecFilter.NONE, 100, PackageOrder.SPECS);

    assertEquals(
        pages.stream()
            .sorted(
                Comparator.comparingInt(RawPage::numSpecs)
                    .reversed()
                    .thenComparing(RawPage::name)
                    .thenComparing(RawPage::tag))
            .map(p -> p.tag() + "/" + p.name() + " " + p.numSpecs())
            .toList(),
        keys(rows));
    assertEquals(
        List.of("develop/py-filelock 124", "develop/yoda 42", "develop/drishti 37"),
        keys(rows).subList(0, 3));
  }

  @Test
  void aStackFilterAndAQueryCountOnlyTheirSpecs() {
    Predicate<RawSpec> e4sOnAarch64 =
        s -> s.strings("stacks").contains("e4s") && s.text("target").equals("aarch64");
    List<String> expected =
        Corpus.rawSpecs(Corpus.cacheTree()).stream()
            .filter(e4sOnAarch64)
            .collect(
                Collectors.groupingBy(
                    s -> s.tag() + "/" + s.name(), TreeMap::new, Collectors.counting()))
            .entrySet()
            .stream()
            .sorted(
                Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().split("/")[1])
                    .thenComparing(Map.Entry::getKey))
            .map(e -> e.getKey() + " " + e.getValue())
            .toList();

    List<PackageSummary> rows =
        rows(
            "target:aarch64",
            SpecFilter.fromApi(Map.of("stack", List.of("e4s"))),
            5,
            PackageOrder.NAME);

    assertEquals(expected, keys(rows));
    rows.forEach(r -> assertEquals(List.of("aarch64"), r.targets(), r.name()));
  }

  @Test
  void aCursorThatIsNotAPackagesCursorIsRefused() {
    String specCursor =
        view.search(new SpecRequest(Selection.ALL, 1, null, SortOrder.HASH, false))
            .edges()
            .get(0)
            .cursor();
    for (String cursor : List.of("garbage!", specCursor, "cGFja2FnZXM6TkFNRTotMQ")) {
      SearchException e =
          assertThrows(
              SearchException.class,
              () -> view.packages(new PackageRequest(Selection.ALL, 5, cursor, PackageOrder.NAME)));
      assertEquals(
          List.of(
              SearchException.Kind.BAD_CURSOR,
              "invalid cursor: it is not a packages cursor this server made; pass the endCursor"
                  + " of the previous page unchanged"),
          List.of(e.kind(), e.getMessage()),
          cursor);
    }
  }

  @Test
  void aPageOfRowsHoldsOneToAHundred() {
    SearchException e =
        assertThrows(
            SearchException.class,
            () -> view.packages(new PackageRequest(Selection.ALL, 101, null, PackageOrder.NAME)));
    assertEquals(
        List.of(
            SearchException.Kind.LIMIT,
            "first is 101 but a page holds 1 to 100 items; page with `after`"),
        List.of(e.kind(), e.getMessage()));
  }
}
