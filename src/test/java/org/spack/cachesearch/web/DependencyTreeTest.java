package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install panel's dependency tree over a build-cache index, one level opened at a time. */
class DependencyTreeTest {
  private static final String LIBDWARF = "u5uz3dcch5if4eve4sef67o2rf2lbfgh";

  @TempDir static Path tmp;
  private static WebFixture fixture;

  @BeforeAll
  static void serveAndOpenABrowser() throws IOException {
    fixture = WebFixture.startBuildCache(tmp);
  }

  @AfterAll
  static void closeAll() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void theInstallPanelListsTheDirectDependenciesAndOpensOneToItsOwn() {
    PageDriver page = new PageDriver(fixture);
    page.consoleErrors();
    page.open("?view=package&pkg=libdwarf&ptag=spack-v2&hash=" + LIBDWARF);
    assertEquals(
        List.of(
            "compiler-wrapper@1.0 /qeehcxy (build)",
            "gcc@10.2.1 /vd7v4ss (build) provides c, cxx external",
            "gcc-runtime@10.2.1 /izgzpze (link)",
            "libelf@0.8.13 /jr3yipy (build, link)"),
        page.texts("#install .tree > li"));

    page.find("#install .tree > li:nth-child(4) summary").click();
    List<String> expected = new ArrayList<>();
    fixture
        .post(
            "{ spec(hash: \"jr3yipyxyjulcdvckwwwjrrumis7glpa\") { dependencies { name } } }",
            Map.of())
        .at("/data/spec/dependencies")
        .forEach(d -> expected.add(d.get("name").asText()));
    assertFalse(expected.isEmpty());
    page.until(
        () -> page.texts("#install .tree > li:nth-child(4) .tree > li strong").equals(expected));
    assertEquals(List.of(), page.consoleErrors());
  }
}
