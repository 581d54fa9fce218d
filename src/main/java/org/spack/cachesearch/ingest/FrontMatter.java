package org.spack.cachesearch.ingest;

import java.util.Optional;

/**
 * The YAML between a page's first {@code ---} line and the next one, with the file line it starts
 * on so that parser positions can be turned back into file lines.
 *
 * @param firstLine the file line (1-based) of the first YAML line
 */
record FrontMatter(String yaml, int firstLine) {

  static final String FENCE = "---";

  /** Thrown when a page has no front matter or it is not closed. */
  static final class Missing extends Exception {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
      super(message);
    }
  }

  static FrontMatter find(String text) throws Missing {
    int lineEnd = lineEnd(text, 0);
    if (!isFence(text, 0, lineEnd)) {
      int cr = text.indexOf('\r');
      if (cr >= 0 && cr < lineEnd - 1) {
        throw new Missing("line ends are bare CR characters: write LF or CRLF line ends");
      }
      throw new Missing("missing front matter: the first line must be '---'");
    }
    int start = next(text, lineEnd);
    for (int pos = start; pos < text.length(); pos = next(text, lineEnd)) {
      lineEnd = lineEnd(text, pos);
      if (isFence(text, pos, lineEnd)) {
        return new FrontMatter(text.substring(start, pos), 2);
      }
    }
    throw new Missing("unterminated front matter: no closing '---' line after line 1");
  }

  /** The file line of a 1-based line number inside the YAML. */
  int fileLine(int yamlLine) {
    return firstLine + Math.max(yamlLine, 1) - 1;
  }

  /** The file line of the first top-level key line starting with {@code prefix}, if any. */
  Optional<Integer> lineOfKey(String prefix) {
    int line = firstLine;
    for (String l : yaml.split("\n", -1)) {
      if (l.startsWith(prefix)) {
        return Optional.of(line);
      }
      line++;
    }
    return Optional.empty();
  }

  private static boolean isFence(String text, int from, int to) {
    // Length first: the spec_details line can be megabytes long.
    return to - from <= 8 && text.substring(from, to).strip().equals(FENCE);
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static int next(String text, int lineEnd) {
    return Math.min(lineEnd + 1, text.length() + 1);
  }
}
