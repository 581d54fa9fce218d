package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The web page at {@code /} in headless Chromium over the bundled sample: what a person sees equals
 * what the API answers (asked here over plain HTTP), and no step logs a console error.
 */
class BrowserPageTest extends PageTest {
  private static final String TOTAL =
      "query($q: String, $s: String, $f: SpecFilter, $c: String)"
          + " { search(query: $q, spec: $s, filter: $f, compatibleWith: $c) { totalCount } }";

  private int apiTotal(Map<String, Object> variables) {
    JsonNode answer = fixture.post(TOTAL, variables);
    assertTrue(answer.path("errors").isMissingNode(), answer.toString());
    return answer.at("/data/search/totalCount").asInt();
  }

  @Test
  void thePageShowsEveryBinaryAndEveryTagOnArrival() {
    page.open("");
    assertEquals(905, page.total());
    assertEquals("905 specs", page.find("#total").getText());
    assertEquals(
        List.of(
            "All tags",
            "develop (879 specs)",
            "v0.23.0 (21 specs)",
            "develop-2025-03-23 (2 specs)",
            "develop-2025-03-30 (3 specs)"),
        page.texts("#tag option"));
    assertEquals(25, page.all("tbody tr").size());
  }

  @Test
  void aLuceneSearchShowsTheSameTotalAsTheApiAndWhatItBecame() {
    page.open("").search("q", "compiler:gcc* AND target:aarch64");
    assertEquals(80, page.total());
    assertEquals(80, apiTotal(Map.of("q", "compiler:gcc* AND target:aarch64")));
    assertEquals(
        fixture
            .post("{ explain(query: \"compiler:gcc* AND target:aarch64\") }", Map.of())
            .at("/data/explain")
            .asText(),
        page.find("#explained").getText());
    assertTrue(page.texts("td[data-col=target]").stream().allMatch("aarch64"::equals));
  }

  @Test
  void aSpecSearchWithACpuShowsTheSameTotalAsTheApi() {
    page.open("").type("spec", "py-filelock@3.12: %gcc@13:").type("cpu", "zen3").submit();
    assertEquals(24, page.total());
    assertEquals(24, apiTotal(Map.of("s", "py-filelock@3.12: %gcc@13:", "c", "zen3")));
    assertEquals(
        "?spec=py-filelock%403.12%3A+%25gcc%4013%3A&cpu=zen3",
        page.script("return location.search"));
  }

  @Test
  void tickingTwoValuesOfOneFacetOrsThemAndRecountsTheOtherFacets() {
    page.open("");
    Map<String, Integer> compilersBefore = page.facet("compiler");
    page.tick("target", "aarch64").tick("target", "ppc64le");

    assertEquals(168, page.total());
    assertEquals(168, apiTotal(Map.of("f", Map.of("target", List.of("aarch64", "ppc64le")))));
    assertEquals(Set.of("aarch64", "ppc64le"), Set.copyOf(page.texts("td[data-col=target]")));
    assertTrue(page.ticked("target", "aarch64") && page.ticked("target", "ppc64le"));
    assertEquals(622, page.facet("target").get("x86_64_v3"));

    Map<String, Integer> compilers = page.facet("compiler");
    assertNotEquals(compilersBefore, compilers);
    assertEquals(apiFacet("COMPILER", Map.of("target", List.of("aarch64", "ppc64le"))), compilers);
  }

  private Map<String, Integer> apiFacet(String field, Map<String, Object> filter) {
    JsonNode answer =
        fixture.post(
            "query($f: SpecFilter, $fields: [FacetField!]!) { facets(filter: $f, fields: $fields,"
                + " limit: 10) { values { value count } } }",
            Map.of("f", filter, "fields", List.of(field)));
    Map<String, Integer> counts = new LinkedHashMap<>();
    answer
        .at("/data/facets/0/values")
        .forEach(v -> counts.put(v.get("value").asText(), v.get("count").asInt()));
    return counts;
  }

  @Test
  void aLongFacetFindsItsValuesByTheTextTheyContain() {
    page.open("");
    page.find("fieldset[data-facet='package'] input.finder").sendKeys("filelock");
    page.until(() -> page.facet("package").equals(Map.of("py-filelock", 124)));
  }

  @Test
  void theNextPageContinuesWhereTheApiSaysTheFirstEnds() {
    String query = "compiler:gcc* AND target:aarch64";
    page.open("").search("q", query).click("#next");
    JsonNode first =
        fixture.post(
            "query($q: String) { search(query: $q, first: 25) { pageInfo { endCursor } } }",
            Map.of("q", query));
    String cursor = first.at("/data/search/pageInfo/endCursor").asText();
    JsonNode second =
        fixture.post(
            "query($q: String, $a: String) { search(query: $q, first: 25, after: $a) {"
                + " nodes { hash } } }",
            Map.of("q", query, "a", cursor));
    assertEquals(80, page.total());
    assertEquals("80 specs · page 2", page.find("#total").getText());
    assertEquals(
        second.at("/data/search/nodes/0/hash").asText(),
        page.find("td[data-col=hash] a").getDomAttribute("title"));
  }

  @Test
  void choosingACpuLeavesOnlyTargetsThatRunOnIt() {
    page.open("").type("cpu", "zen3").submit();
    Set<String> runOnZen3 = Set.of("x86_64", "x86_64_v2", "x86_64_v3", "zen", "zen2", "zen3");
    assertEquals(apiTotal(Map.of("c", "zen3")), page.total());
    assertFalse(page.facet("target").isEmpty());
    assertTrue(
        runOnZen3.containsAll(page.facet("target").keySet()), page.facet("target").toString());
    assertTrue(runOnZen3.containsAll(page.texts("td[data-col=target]")));
  }

  @Test
  void switchingTagAndStackNarrowsTheResultsToThem() {
    page.open("").choose("tag", "v0.23.0");
    assertEquals(21, page.total());
    assertEquals(Set.of("v0.23.0"), Set.copyOf(page.texts("td[data-col=tag]")));
    String stack = page.all("#stack option").get(1).getDomAttribute("value");
    page.choose("stack", stack);
    assertEquals(
        apiTotal(Map.of("f", Map.of("tag", List.of("v0.23.0"), "stack", List.of(stack)))),
        page.total());
    assertEquals("?tag=v0.23.0&stack=" + stack, page.script("return location.search"));
  }

  @Test
  void aPackagePageShowsItsSpecCountAndTheInstallCommandsWithCopyButtons() {
    page.open("?q=package:py-filelock").click("td[data-col=package] a");
    assertEquals("124 specs", page.find("#spec-count").getText());
    assertEquals(100, page.all("tbody tr").size());

    String hash = page.find("td[data-col=hash] a").getDomAttribute("title");
    page.click("td[data-col=hash] a");
    assertEquals(
        List.of(
            "spack mirror add develop https://binaries.spack.io/develop",
            "spack buildcache keys --install --trust",
            "spack install /" + hash),
        page.texts("#install .command code"));
    assertEquals(3, page.all("#install button.copy").size());
    assertEquals(
        "Copy: spack install /" + hash,
        page.all("#install button.copy").get(2).getDomAttribute("aria-label"));
  }

  @Test
  void showOnlyDifferencesHidesColumnsThatAreTheSameInEverySpec() {
    page.open("?view=package&pkg=py-filelock&ptag=develop").click("#diff");
    assertEquals(
        List.of("Hash", "Variants", "Platform", "OS", "Target", "Compiler", "Stacks"),
        page.texts("thead th"));
    page.click("input[name=col][value=stacks]");
    assertEquals(
        List.of("Hash", "Variants", "Platform", "OS", "Target", "Compiler"),
        page.texts("thead th"));
  }

  @Test
  void anInvalidQueryShowsTheApisMessageInPlainWords() {
    page.open("").search("q", "compiler:(gcc");
    String message = "query syntax error at column 14: the query ends too early";
    assertEquals(
        message,
        fixture.post(TOTAL, Map.of("q", "compiler:(gcc")).at("/errors/0/message").asText());
    assertEquals("The search could not be read: " + message, page.find("#error").getText());
  }

  @Test
  void backAndForwardRestoreTheSearchAndTheTicks() {
    page.open("").search("q", "compiler:gcc* AND target:aarch64").tick("os", "ubuntu24.04");
    int narrowed = page.total();
    assertEquals(
        apiTotal(
            Map.of(
                "q",
                "compiler:gcc* AND target:aarch64",
                "f",
                Map.of("os", List.of("ubuntu24.04")))),
        narrowed);

    page.back();
    assertEquals(80, page.total());
    assertFalse(page.ticked("os", "ubuntu24.04"));
    assertEquals("compiler:gcc* AND target:aarch64", page.value("q"));
    page.back();
    assertEquals(905, page.total());
    assertEquals("", page.value("q"));

    page.forward().forward();
    assertEquals(narrowed, page.total());
    assertTrue(page.ticked("os", "ubuntu24.04"));
    assertEquals("compiler:gcc* AND target:aarch64", page.value("q"));
  }
}
