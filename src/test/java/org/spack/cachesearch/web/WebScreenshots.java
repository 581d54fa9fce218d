package org.spack.cachesearch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * Writes {@code docs/screenshots/<view>-<width>.png} of the main views at a phone and a desktop
 * width. Not a test of its own (its name keeps it out of the build); run it with {@code mvn -B -q
 * test -Dtest=WebScreenshots -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true}.
 */
class WebScreenshots {
  private static final Map<String, String> VIEWS =
      Map.of(
          "summary", "?view=packages",
          "search", "?q=compiler:gcc*&target=aarch64&target=ppc64le",
          "package",
              "?view=package&pkg=py-filelock&ptag=develop&hash=2le7clpozbk73bii2o75wtxc45r37ng3",
          "graphiql", "graphiql");

  /** libdwarf in Spack's test mirror, its install panel open and one dependency opened. */
  private static final String TREE =
      "?view=package&pkg=libdwarf&ptag=spack-v2&hash=u5uz3dcch5if4eve4sef67o2rf2lbfgh";

  private static final String OPENED = "#install .tree > li:nth-child(4)";
  private static final Map<String, Integer> WIDTHS = Map.of("phone", 390, "desktop", 1440);
  private static final int MAX_HEIGHT = 2400;

  @TempDir Path tmp;

  @Test
  void writeScreenshots() throws IOException, InterruptedException {
    Path out = Files.createDirectories(Path.of("docs/screenshots"));
    try (WebFixture fixture = WebFixture.start(tmp.resolve("sample"))) {
      PageDriver page = new PageDriver(fixture);
      for (Map.Entry<String, String> view : VIEWS.entrySet()) {
        for (Map.Entry<String, Integer> width : WIDTHS.entrySet()) {
          narrow(page, width.getValue());
          if (view.getKey().equals("graphiql")) {
            fixture.driver.get(fixture.url(view.getValue()));
            Thread.sleep(1500); // GraphiQL renders after React starts; it has no ready signal.
          } else {
            page.open(view.getValue());
          }
          shoot(page, width.getValue(), out.resolve(view.getKey() + "-" + width.getKey() + ".png"));
        }
      }
    }
    try (WebFixture fixture = WebFixture.startBuildCache(tmp.resolve("buildcache"))) {
      PageDriver page = new PageDriver(fixture);
      for (Map.Entry<String, Integer> width : WIDTHS.entrySet()) {
        narrow(page, width.getValue());
        page.open(TREE).find(OPENED + " summary").click();
        page.until(() -> !page.all(OPENED + " .tree > li").isEmpty());
        shoot(page, width.getValue(), out.resolve("tree-" + width.getKey() + ".png"));
      }
    }
  }

  private static void narrow(PageDriver page, int width) {
    page.driver().manage().window().setSize(new Dimension(width, 900));
  }

  /** The whole page at {@code width}, up to {@link #MAX_HEIGHT} pixels tall. */
  private static void shoot(PageDriver page, int width, Path png) throws IOException {
    // From the top, whatever a click before scrolled into view.
    page.script("window.scrollTo(0, 0)");
    // The window is taller than what it shows by its frame: add that, so nothing is cut.
    Number height =
        (Number)
            page.script(
                "return document.documentElement.scrollHeight"
                    + " + window.outerHeight - window.innerHeight");
    page.driver()
        .manage()
        .window()
        .setSize(new Dimension(width, Math.min(MAX_HEIGHT, height.intValue())));
    Files.write(png, page.driver().getScreenshotAs(OutputType.BYTES));
  }
}
