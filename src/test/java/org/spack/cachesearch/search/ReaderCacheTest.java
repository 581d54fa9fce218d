package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers memoised per index generation: kept once complete, computed again when partial. */
class ReaderCacheTest {
  // The memo never reads the index: no reader or facet configuration is needed.
  private final ReaderCache cache = new ReaderCache(null, null);
  private final List<String> computed = new ArrayList<>();

  private String compute(String answer) {
    computed.add(answer);
    return answer;
  }

  @Test
  void aCompleteAnswerIsComputedOnceAndKept() {
    assertEquals("first", cache.memo("tags", () -> compute("first"), () -> true));
    assertEquals("first", cache.memo("tags", () -> compute("second"), () -> true));
    assertEquals(List.of("first"), computed);
  }

  @Test
  void aPartialAnswerIsReturnedButNotKept() {
    assertEquals("partial", cache.memo("tags", () -> compute("partial"), () -> false));
    assertEquals("whole", cache.memo("tags", () -> compute("whole"), () -> true));
    assertEquals("whole", cache.memo("tags", () -> compute("again"), () -> true));
    assertEquals(List.of("partial", "whole"), computed);
  }
}
