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
  private static final Map<String, Integer> WIDTHS = Map.of("phone", 390, "desktop", 1440);
  private static final int MAX_HEIGHT = 2400;

  @TempDir Path tmp;

  @Test
  void writeScreenshots() throws IOException {
    Path out = Files.createDirectories(Path.of("docs/screenshots"));
    try (WebFixture fixture = WebFixture.start(tmp)) {
      PageDriver page = new PageDriver(fixture);
      for (Map.Entry<String, String> view : VIEWS.entrySet()) {
        for (Map.Entry<String, Integer> width : WIDTHS.entrySet()) {
          fixture.driver.manage().window().setSize(new Dimension(width.getValue(), 900));
          if (view.getKey().equals("graphiql")) {
            fixture.driver.get(fixture.url(view.getValue()));
            Thread.sleep(1500); // GraphiQL renders after React starts; it has no ready signal.
          } else {
            page.open(view.getValue());
          }
          Number height = (Number) page.script("return document.documentElement.scrollHeight");
          fixture
              .driver
              .manage()
              .window()
              .setSize(new Dimension(width.getValue(), Math.min(MAX_HEIGHT, height.intValue())));
          byte[] png = fixture.driver.getScreenshotAs(OutputType.BYTES);
          Files.write(out.resolve(view.getKey() + "-" + width.getKey() + ".png"), png);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
