package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deque's axe-core (bundled in its Selenium jar, injected by the test, never served by the page)
 * finds no serious or critical accessibility violation in any of the page's views.
 */
class AccessibilityTest extends PageTest {
  private static final Set<String> SERIOUS = Set.of("serious", "critical");

  /** Each serious or critical violation as "ruleId: target, target", so a failure names them. */
  static List<String> seriousViolations(PageDriver page) {
    Results results = new AxeBuilder().analyze(page.driver());
    assertFalse(results.isErrored(), results.getErrorMessage());
    return results.getViolations().stream()
        .filter(rule -> SERIOUS.contains(rule.getImpact()))
        .map(AccessibilityTest::describe)
        .toList();
  }

  private static String describe(Rule rule) {
    List<String> targets = rule.getNodes().stream().map(n -> selector(n.getTarget())).toList();
    return rule.getId() + ": " + String.join(", ", targets);
  }

  /** axe names a node by a list of selectors (one per frame or shadow root it is inside). */
  private static String selector(Object target) {
    if (target instanceof List<?> parts) {
      return parts.stream().map(String::valueOf).collect(Collectors.joining(" >>> "));
    }
    return String.valueOf(target);
  }

  @Test
  void thePackagesSummaryHasNoSeriousViolations() {
    page.open("?view=packages");
    assertEquals(50, page.all("tbody tr").size());
    assertEquals(List.of(), seriousViolations(page));
  }

  @Test
  void aSearchWithTickedFacetsAndACpuHasNoSeriousViolations() {
    page.open("?q=compiler:gcc*&cpu=zen3&target=x86_64_v3&target=zen2");
    assertTrue(page.ticked("target", "x86_64_v3") && page.ticked("target", "zen2"));
    assertEquals("zen3", page.value("cpu"));
    assertEquals(List.of(), seriousViolations(page));
  }

  @Test
  void aPackagePageWithItsInstallPanelAndColumnTogglesHasNoSeriousViolations() {
    page.open(
        "?view=package&pkg=py-filelock&ptag=develop&hide=size"
            + "&hash=2le7clpozbk73bii2o75wtxc45r37ng3");
    assertEquals(9, page.all("input[name=col]").size());
    assertEquals(3, page.all("#install button.copy").size());
    assertEquals(List.of(), seriousViolations(page));
  }

  @Test
  void anErrorHasNoSeriousViolations() {
    page.open("?q=compiler%3A%28gcc");
    assertEquals(
        "The search could not be read: query syntax error at column 14: the query ends too early",
        page.find("#error").getText());
    assertEquals(List.of(), seriousViolations(page));
  }

  @Test
  void theEmptyStateHasNoSeriousViolations() {
    page.open("?q=package:no-such-package");
    assertEquals(0, page.total());
    assertEquals(List.of(), seriousViolations(page));
  }

  @Test
  void anOpenDependencyTreeHasNoSeriousViolations() throws IOException {
    try (WebFixture buildCache = WebFixture.startBuildCache(tmp.resolve("buildcache"))) {
      PageDriver tree = new PageDriver(buildCache);
      tree.open("?view=package&pkg=libdwarf&ptag=spack-v2&hash=u5uz3dcch5if4eve4sef67o2rf2lbfgh");
      tree.find("#install .tree > li:nth-child(4) summary").click();
      tree.until(() -> !tree.all("#install .tree > li:nth-child(4) .tree > li").isEmpty());
      assertEquals(List.of(), seriousViolations(tree));
      assertEquals(List.of(), tree.consoleErrors());
    }
  }
}
