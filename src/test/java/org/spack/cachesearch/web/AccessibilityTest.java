package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * axe-core (from its webjar, injected by the test, not served by the page) finds no serious or
 * critical accessibility violation in the page's views.
 */
class AccessibilityTest {
  private static final String RUN_AXE =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {resultTypes: ['violations']})
        .then((r) => done(r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
        .catch((e) => done(['axe failed: ' + e]));
      """;

  @TempDir static Path tmp;
  private static WebFixture fixture;
  private static String axe;

  @BeforeAll
  static void serveAndOpenABrowser() throws IOException {
    fixture = WebFixture.start(tmp);
    fixture.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    axe = axeSource();
  }

  @AfterAll
  static void closeAll() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static String axeSource() {
    String base = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    try (InputStream in = resource(base)) {
      Properties pom = new Properties();
      pom.load(in);
      String file = "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
      try (InputStream js = resource(file)) {
        return new String(js.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = AccessibilityTest.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("not on the test classpath: " + name);
    }
    return in;
  }

  @SuppressWarnings("unchecked")
  private List<String> seriousViolations(String query) {
    new PageDriver(fixture).open(query);
    fixture.driver.executeScript(axe);
    return (List<String>) fixture.driver.executeAsyncScript(RUN_AXE);
  }

  @Test
  void theSearchViewWithFacetsHasNoSeriousViolations() {
    assertEquals(List.of(), seriousViolations("?q=compiler:gcc*&target=aarch64"));
  }

  @Test
  void thePackageSummaryTableHasNoSeriousViolations() {
    assertEquals(List.of(), seriousViolations("?view=packages"));
  }

  @Test
  void thePackagePageWithItsInstallPanelHasNoSeriousViolations() {
    assertEquals(
        List.of(),
        seriousViolations(
            "?view=package&pkg=py-filelock&ptag=develop&hash=2le7clpozbk73bii2o75wtxc45r37ng3"));
  }

  @Test
  void anErrorHasNoSeriousViolations() {
    assertEquals(List.of(), seriousViolations("?q=compiler%3A%28gcc"));
  }
}
