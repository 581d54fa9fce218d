package org.spack.cachesearch.ingest;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Tells a YAML syntax error on the line that holds the mistake. SnakeYAML finds an unclosed {@code
 * [}, <code>{</code> or quote only where the input goes on without it, often lines later or past
 * the last line: then the line where that construct starts (its context) is the one to show, with
 * where the problem showed. Past the last line without a context, the last line that is not blank.
 */
final class YamlSyntaxError {
  private YamlSyntaxError() {}

  /** The error in {@code yaml}, which starts on file line {@code firstLine}. */
  static PageFault fault(String yaml, int firstLine, MarkedYAMLException e) {
    Mark problem = e.getProblemMark();
    String what = e.getProblem() == null ? "malformed YAML" : e.getProblem();
    String within = e.getContext() == null ? "" : e.getContext();
    if (problem == null) {
      return new PageFault(firstLine, "YAML syntax error: " + what + parenthesized(within));
    }
    int offset = firstLine - 1;
    int line = problem.getLine() + 1;
    int lastContent = lastContentLine(yaml);
    boolean atEnd = line > lastContent;
    if (atEnd) {
      what = what.replace("<stream end>", "the end of the front matter");
      what = what.replace("end of stream", "end of the front matter");
    }
    Mark context = e.getContextMark();
    boolean unclosed = within.contains("flow") || within.contains("quoted");
    if (context != null && context.getLine() + 1 < line && (unclosed || atEnd)) {
      String where = atEnd ? "" : " on line " + (offset + line);
      return new PageFault(
          offset + context.getLine() + 1,
          "YAML syntax error: " + what + where + " (" + within + " that starts on this line)");
    }
    return new PageFault(
        offset + (atEnd ? Math.max(lastContent, 1) : line),
        "YAML syntax error: " + what + parenthesized(within));
  }

  /** The 1-based line of the code point at {@code position}. */
  static int lineOf(String yaml, int position) {
    int end = yaml.offsetByCodePoints(0, Math.min(position, yaml.codePointCount(0, yaml.length())));
    return 1 + (int) yaml.substring(0, end).chars().filter(c -> c == '\n').count();
  }

  private static String parenthesized(String text) {
    return text.isEmpty() ? "" : " (" + text + ")";
  }

  /** The 1-based number of the last line that is not blank; 0 when there is none. */
  private static int lastContentLine(String yaml) {
    int line = 0;
    int number = 1;
    int start = 0;
    for (int end = yaml.indexOf('\n'); ; end = yaml.indexOf('\n', start)) {
      String text = end < 0 ? yaml.substring(start) : yaml.substring(start, end);
      line = text.isBlank() ? line : number;
      if (end < 0) {
        return line;
      }
      start = end + 1;
      number++;
    }
  }
}
