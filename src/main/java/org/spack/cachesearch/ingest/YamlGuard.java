package org.spack.cachesearch.ingest;

import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Walks the events of a front matter's YAML before it is parsed into values, and refuses what the
 * parser would misread or could be made to work hard on: aliases, nesting deeper than the limit, a
 * second document; a syntax error is told on the line that holds the mistake.
 *
 * <p>Jackson's YAML parser reads SnakeYAML's events and never composes nodes, so SnakeYAML's own
 * limits on aliases and nesting (they live in its composer) never apply; and Jackson reads an alias
 * {@code *a} as the text {@code "a"}. The checks are here instead, in one more pass over the
 * events: the YAML left once the JSON lines are taken is a few short lines on real pages.
 */
final class YamlGuard {
  private final LoaderOptions options;
  private final int maxNesting;

  YamlGuard(LoaderOptions options, int maxNesting) {
    this.options = options;
    this.maxNesting = maxNesting;
  }

  /**
   * Checks {@code yaml}, which starts on file line {@code firstLine}.
   *
   * @throws PageFault with the file line of the problem
   */
  void check(String yaml, int firstLine) throws PageFault {
    requireLineEnds(yaml, firstLine);
    try {
      walk(new ParserImpl(new StreamReader(yaml), options), firstLine);
    } catch (MarkedYAMLException e) {
      throw YamlSyntaxError.fault(yaml, firstLine, e);
    } catch (ReaderException e) {
      throw new PageFault(
          firstLine + YamlSyntaxError.lineOf(yaml, e.getPosition()) - 1,
          String.format(
              Locale.ROOT, "the character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (YAMLException e) {
      throw new PageFault(firstLine, "YAML error: " + e.getMessage());
    }
  }

  private void walk(ParserImpl parser, int firstLine) throws PageFault {
    Nesting nesting = new Nesting(maxNesting);
    int documents = 0;
    for (Event event = parser.getEvent();
        !event.is(Event.ID.StreamEnd);
        event = parser.getEvent()) {
      String refusal =
          event instanceof AliasEvent alias
              ? "YAML aliases are not supported (found *"
                  + Printable.shorten(alias.getAnchor())
                  + ")"
              : nesting.enter(event);
      if (refusal == null && event.is(Event.ID.DocumentStart) && ++documents > 1) {
        refusal = "the front matter holds more than one YAML document";
      }
      if (refusal != null) {
        throw new PageFault(firstLine + event.getStartMark().getLine(), refusal);
      }
    }
  }

  /**
   * SnakeYAML (YAML 1.1) also ends a line at a bare CR, NEL, LS or PS; a page's lines end at LF
   * only (or CRLF). Such a character would shift every later line number, so it is refused.
   */
  private static void requireLineEnds(String yaml, int firstLine) throws PageFault {
    int line = firstLine;
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      boolean bareCr = c == '\r' && (i + 1 == yaml.length() || yaml.charAt(i + 1) != '\n');
      if (bareCr || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        throw new PageFault(
            line,
            String.format(
                Locale.ROOT,
                "the character U+%04X in the middle of a line: YAML reads it as a line end;"
                    + " write LF or CRLF line ends",
                (int) c));
      }
      line += c == '\n' ? 1 : 0;
    }
  }

  /**
   * The open lists and mappings, and in each mapping whether a key or a value comes next: Jackson
   * reads only plain keys, and would report a list as a key in its own internal terms.
   */
  private static final class Nesting {
    private final boolean[] isMapping;
    private final boolean[] atKey;
    private int depth;

    Nesting(int maxNesting) {
      isMapping = new boolean[maxNesting + 1];
      atKey = new boolean[maxNesting + 1];
    }

    /** Why {@code event} is refused here, or null. */
    String enter(Event event) {
      boolean opens = event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart);
      if ((opens || event.is(Event.ID.Scalar)) && depth > 0 && isMapping[depth]) {
        if (opens && atKey[depth]) {
          return "a mapping key must be a plain value, not a list or mapping";
        }
        atKey[depth] = !atKey[depth];
      }
      if (opens) {
        if (depth + 1 >= isMapping.length) {
          return "lists and mappings nest deeper than " + (isMapping.length - 1) + " levels";
        }
        depth++;
        isMapping[depth] = event.is(Event.ID.MappingStart);
        atKey[depth] = true;
      } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
        depth--;
      }
      return null;
    }
  }
}
