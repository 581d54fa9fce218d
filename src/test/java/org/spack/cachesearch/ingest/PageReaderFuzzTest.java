package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Any bytes as a page: the reader answers with a page or with its problems, each on a line that
 * exists, and never throws. {@code mvn verify} replays the inputs in {@code
 * PageReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} looks for new ones (docs/fuzzing.md).
 */
class PageReaderFuzzTest {
  private static final Path PAGE = Path.of("_cache/develop/fuzz/specs.md");
  private static final PageReader READER = new PageReader();

  @FuzzTest(maxDuration = "3m")
  void anyBytesGiveAPageOrProblemsOnItsLines(byte[] bytes) {
    ReadResult result = READER.read(PAGE, bytes);

    boolean hasError = result.problems().stream().anyMatch(Problem::isError);
    assertEquals(result.kind() == ReadResult.Kind.FAILED, hasError, result.problems()::toString);
    int lines = 1;
    for (byte b : bytes) {
      lines += b == '\n' ? 1 : 0;
    }
    for (Problem problem : result.problems()) {
      assertEquals(PAGE.toString(), problem.path());
      assertTrue(problem.line() <= lines, problem::toString);
      assertFalse(problem.toString().contains("\n"), problem::toString);
      assertFalse(problem.toString().contains("\r"), problem::toString);
    }
  }
}
