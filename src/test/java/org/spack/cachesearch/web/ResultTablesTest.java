package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The page's tables over the bundled sample: column toggles on the search results, the package page
 * past its 100 specs, the per-tag summary and the order chooser, each equal to the API's.
 */
class ResultTablesTest extends PageTest {
  private static final List<String> RESULT_COLUMNS =
      List.of("Package", "Version", "Compiler", "OS", "Target", "Variants", "Tag", "Size", "Hash");

  private static List<String> without(List<String> columns, String... hidden) {
    List<String> shown = new ArrayList<>(columns);
    shown.removeAll(List.of(hidden));
    return shown;
  }

  @Test
  void aColumnToggleHidesThatColumnOfTheResultsAndPutsItInTheUrl() {
    page.open("?q=package:py-filelock");
    assertEquals(RESULT_COLUMNS, page.texts("thead th"));

    page.click("input[name=col][value=size]");
    assertEquals(without(RESULT_COLUMNS, "Size"), page.texts("thead th"));
    assertEquals(List.of(), page.all("td[data-col=size]"));
    assertFalse(page.find("input[name=col][value=size]").isSelected());
    assertEquals("size", page.script("return document.activeElement.value"));
    page.click("input[name=col][value=tag]");
    assertEquals(without(RESULT_COLUMNS, "Size", "Tag"), page.texts("thead th"));
    assertEquals("?q=package%3Apy-filelock&hide=size%2Ctag", page.script("return location.search"));

    page.back();
    assertEquals(without(RESULT_COLUMNS, "Size"), page.texts("thead th"));
    assertTrue(page.find("input[name=col][value=tag]").isSelected());
    page.click("input[name=col][value=size]");
    assertEquals(RESULT_COLUMNS, page.texts("thead th"));
    assertEquals("?q=package%3Apy-filelock", page.script("return location.search"));
  }

  @Test
  void aSharedLinkWithHiddenColumnsHidesThemHereAndOnThePackagePage() {
    page.open("?q=package:py-filelock&hide=variants,stacks");
    assertEquals(without(RESULT_COLUMNS, "Variants"), page.texts("thead th"));
    assertEquals(25, page.all("tbody tr").size());

    page.click("td[data-col=package] a");
    assertEquals(
        List.of("Hash", "Version", "Platform", "OS", "Target", "Compiler", "Size"),
        page.texts("thead th"));
  }

  @Test
  void aPackageOverTheCapSaysHowManyItShowsAndPagesOnToTheRest() {
    String query =
        "query($a: String) { package(name: \"py-filelock\", tag: \"develop\") {"
            + " specs(first: 100, after: $a) { totalCount nodes { hash }"
            + " pageInfo { endCursor } } } }";
    JsonNode first = fixture.post(query, Map.of()).at("/data/package/specs");
    int total = first.get("totalCount").asInt();
    JsonNode second =
        fixture
            .post(query, Map.of("a", first.at("/pageInfo/endCursor").asText()))
            .at("/data/package/specs");

    page.open("?view=package&pkg=py-filelock&ptag=develop");
    assertEquals(124, total);
    assertEquals(100, page.all("tbody tr").size());
    assertEquals(
        "Showing specs 1–100 of 124. Page on below, or narrow them with the stack or CPU chooser.",
        page.find("#spec-pages").getText());
    assertEquals("Show the next 24 specs »", page.find("#next-specs").getText());

    page.click("#next-specs");
    assertEquals(total - 100, page.all("tbody tr").size());
    assertEquals(
        second.at("/nodes/0/hash").asText(),
        page.find("td[data-col=hash] a").getDomAttribute("title"));
    assertEquals(
        "Showing specs 101–124 of 124. Page on below, or narrow them with the stack or CPU"
            + " chooser.",
        page.find("#spec-pages").getText());
    assertEquals(List.of(), page.all("#next-specs"));

    page.click("a[rel=first]");
    assertEquals(100, page.all("tbody tr").size());
    assertEquals(
        first.at("/nodes/0/hash").asText(),
        page.find("td[data-col=hash] a").getDomAttribute("title"));
  }

  @Test
  void aPackageWithinTheCapSaysNothingOfPages() {
    page.open("?view=package&pkg=rocblas&ptag=develop-2025-03-30");
    int total =
        fixture
            .post(
                "{ package(name: \"rocblas\", tag: \"develop-2025-03-30\") { specs(first: 100) {"
                    + " totalCount } } }",
                Map.of())
            .at("/data/package/specs/totalCount")
            .asInt();
    assertEquals(total, page.all("tbody tr").size());
    assertEquals(List.of(), page.all("#spec-pages"));
    assertEquals(List.of(), page.all("#next-specs"));
  }

  private List<String> apiHashes(String query, String sort) {
    List<String> hashes = new ArrayList<>();
    fixture
        .post(
            "query($q: String, $s: SpecSort) { search(query: $q, sort: $s, first: 25) {"
                + " nodes { hash } } }",
            sort.isEmpty() ? Map.of("q", query) : Map.of("q", query, "s", sort))
        .at("/data/search/nodes")
        .forEach(n -> hashes.add(n.get("hash").asText()));
    return hashes;
  }

  private List<String> pageHashes() {
    return page.all("td[data-col=hash] a").stream().map(a -> a.getDomAttribute("title")).toList();
  }

  @Test
  void theOrderChooserOrdersTheRowsAsTheApiDoes() {
    String query = "compiler:gcc*";
    page.open("?q=compiler:gcc*");
    assertEquals(apiHashes(query, ""), pageHashes());

    page.choose("sort", "VERSION");
    assertEquals(apiHashes(query, "VERSION"), pageHashes());
    assertNotEquals(apiHashes(query, ""), pageHashes());
    page.choose("sort", "COMPILER");
    assertEquals(apiHashes(query, "COMPILER"), pageHashes());
    assertEquals("?q=compiler%3Agcc*&sort=COMPILER", page.script("return location.search"));
  }

  /** Every row as "name | tag | specs | per-stack counts", its stack list opened in full. */
  @SuppressWarnings("unchecked")
  private List<String> summaryRows() {
    page.all("td[data-col=stacks] button.more").forEach(WebElement::click);
    return (List<String>)
        page.script(
            """
            return [...document.querySelectorAll('tbody tr')].map((tr) => {
              const cell = (key) => tr.querySelector(`td[data-col=${key}]`);
              const stacks = cell('stacks').querySelector('.short-list > span')
                || cell('stacks').firstElementChild;
              return [cell('name'), cell('tag'), cell('specs'), stacks]
                .map((c) => c.textContent).join(' | ');
            });
            """);
  }

  private List<String> apiSummaryRows(String query) {
    List<String> rows = new ArrayList<>();
    fixture
        .post(
            "query($q: String) { packages(query: $q, first: 50) { nodes { name tag numSpecs"
                + " numSpecsByStack { stack count } } } }",
            query.isEmpty() ? Map.of() : Map.of("q", query))
        .at("/data/packages/nodes")
        .forEach(
            p -> {
              List<String> stacks = new ArrayList<>();
              p.get("numSpecsByStack")
                  .forEach(s -> stacks.add(s.get("stack").asText() + " " + s.get("count").asInt()));
              rows.add(
                  String.join(
                      " | ",
                      p.get("name").asText(),
                      p.get("tag").asText(),
                      p.get("numSpecs").asText(),
                      String.join(", ", stacks)));
            });
    return rows;
  }

  @Test
  void theSummaryRowsShowEachPackagesSpecsAndPerStackCountsPerTagAsTheApiCounts() {
    page.open("?view=packages");
    assertEquals(50, page.all("tbody tr").size());
    assertEquals(apiSummaryRows(""), summaryRows());

    page.search("q", "package:py-filelock OR package:rocblas");
    List<String> rows = summaryRows();
    assertEquals(apiSummaryRows("package:py-filelock OR package:rocblas"), rows);
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).startsWith("py-filelock | develop | 124 | "), rows.get(0));
  }
}
