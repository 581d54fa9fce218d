package org.spack.cachesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser test class of the page shares: a real server over the real indexes and one
 * headless browser per class, a fresh page per test, and no console error after any test.
 */
abstract class PageTest {
  @TempDir static Path tmp;
  static WebFixture fixture;
  PageDriver page;

  @BeforeAll
  static void serveAndOpenABrowser() throws IOException {
    fixture = WebFixture.start(tmp);
  }

  @AfterAll
  static void closeAll() throws IOException {
    if (fixture != null) {
      fixture.close();
      fixture = null;
    }
  }

  @BeforeEach
  void newPage() {
    page = new PageDriver(fixture);
    page.consoleErrors();
  }

  @AfterEach
  void noConsoleErrors() {
    assertEquals(List.of(), page.consoleErrors());
  }
}
