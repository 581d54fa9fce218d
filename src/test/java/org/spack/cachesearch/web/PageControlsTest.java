package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The page's smaller controls over the bundled sample: a facet's "show N more", the CPU
 * suggestions, the loading state while a request is held in flight, and a real clipboard copy.
 */
class PageControlsTest extends PageTest {
  /** Holds every fetch of the page until {@code window.releaseFetch()} is called. */
  private static final String HOLD_FETCH =
      """
      const original = window.fetch;
      const held = new Promise((resolve) => { window.releaseFetch = resolve; });
      window.fetch = (...args) => held.then(() => original(...args));
      """;

  private static final String READ_CLIPBOARD =
      """
      const done = arguments[arguments.length - 1];
      navigator.clipboard.readText().then(done, (e) => done('could not read: ' + e));
      """;

  @Test
  void showMoreInAFacetListsEveryValueTheApiCountsInItsOrder() {
    String facet =
        "query($l: Int) { facets(fields: [PACKAGE], limit: $l) {"
            + " values { value count } otherCount } }";
    int other = fixture.post(facet, Map.of("l", 10)).at("/data/facets/0/otherCount").asInt();
    Map<String, Integer> all = new LinkedHashMap<>();
    fixture
        .post(facet, Map.of("l", 1000))
        .at("/data/facets/0/values")
        .forEach(v -> all.put(v.get("value").asText(), v.get("count").asInt()));

    page.open("");
    String more = "fieldset[data-facet='package'] button.more";
    assertEquals(49, other);
    assertEquals("Show 49 more", page.find(more).getText());
    assertEquals(10, page.facet("package").size());
    page.find(more).click();
    page.until(() -> page.facet("package").size() == all.size());
    assertEquals(List.copyOf(all.keySet()), List.copyOf(page.facet("package").keySet()));
    assertEquals(all, page.facet("package"));
    assertEquals(List.of(), page.all(more));
  }

  private List<String> offeredCpus() {
    return page.all("#cpus option").stream().map(o -> o.getDomAttribute("value")).toList();
  }

  @Test
  void typingZenOffersTheCpusOfThatNameThatTheApiKnows() {
    List<String> known = new ArrayList<>();
    fixture
        .post("{ microarchitectures }", Map.of())
        .at("/data/microarchitectures")
        .forEach(n -> known.add(n.asText()));
    List<String> zen = known.stream().filter(n -> n.contains("zen")).toList();

    page.open("");
    assertEquals(known, offeredCpus());
    page.type("cpu", "zen");
    assertEquals(List.of("zen", "zen2", "zen3", "zen4", "zen5"), zen);
    assertEquals(zen, offeredCpus());
    page.type("cpu", "4");
    assertEquals(List.of("zen4"), offeredCpus());
  }

  @Test
  void aRequestInFlightShowsLoadingAndMarksThePageBusyUntilItsAnswer() {
    page.open("");
    page.script(HOLD_FETCH);
    page.find("#q").sendKeys("package:py-filelock", Keys.ENTER);
    page.until(() -> page.find("#loading").isDisplayed());
    assertEquals("Loading…", page.find("#loading").getText());
    assertEquals("true", page.find("body").getDomAttribute("aria-busy"));
    assertEquals("content loading", page.find("#content").getDomAttribute("class"));
    assertEquals(905, page.total());

    page.then(() -> page.script("window.releaseFetch()"));
    assertFalse(page.find("#loading").isDisplayed());
    assertNull(page.find("body").getDomAttribute("aria-busy"));
    assertEquals("content", page.find("#content").getDomAttribute("class"));
    assertEquals(124, page.total());
  }

  @Test
  void aCopyButtonPutsItsExactCommandOnTheClipboard() {
    String hash = "2le7clpozbk73bii2o75wtxc45r37ng3";
    String command =
        fixture
            .post("{ spec(hash: \"" + hash + "\") { installCommand } }", Map.of())
            .at("/data/spec/installCommand")
            .asText();
    String origin = fixture.url("").replaceAll("/$", "");
    fixture.driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            origin,
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

    page.open("?view=package&pkg=py-filelock&ptag=develop&hash=" + hash);
    page.all("#install button.copy").get(2).click();
    page.until(() -> page.texts("#install .copied").get(2).equals("Copied"));
    assertEquals("spack install /" + hash, command);
    assertEquals(command, page.driver().executeAsyncScript(READ_CLIPBOARD));

    page.all("#install button.copy").get(0).click();
    page.until(() -> page.texts("#install .copied").get(0).equals("Copied"));
    assertEquals(
        "spack mirror add develop https://binaries.spack.io/develop",
        page.driver().executeAsyncScript(READ_CLIPBOARD));
  }
}
