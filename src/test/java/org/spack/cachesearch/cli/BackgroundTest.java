package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BackgroundTest {
  @Test
  void theValueIsComputedOnAThreadOfItsOwn() throws Exception {
    Background<String> name = Background.start("test-work", () -> Thread.currentThread().getName());
    assertEquals("test-work", name.get());
  }

  @Test
  void theCallerWorksMeanwhileAndGetWaitsForTheValue() throws Exception {
    CountDownLatch callerDone = new CountDownLatch(1);
    Background<Integer> value =
        Background.start(
            "test-work",
            () -> {
              callerDone.await();
              return 42;
            });
    callerDone.countDown();
    assertEquals(42, value.get());
  }

  @Test
  void getThrowsWhatTheWorkThrewAsIs() {
    IOException thrown = new IOException("index unreadable");
    Background<Void> work =
        Background.start(
            "test-work",
            () -> {
              throw thrown;
            });
    assertSame(thrown, assertThrows(IOException.class, work::get));
  }

  @Test
  void getThrowsAnErrorOfTheWorkAsIs() {
    AssertionError thrown = new AssertionError("broken");
    Background<Void> work =
        Background.start(
            "test-work",
            () -> {
              throw thrown;
            });
    assertSame(thrown, assertThrows(AssertionError.class, work::get));
  }
}
