package org.spack.cachesearch.spack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spack.cachesearch.spack.SpecExpression.Edge;
import org.spack.cachesearch.spack.SpecExpression.Node;

/**
 * Any text as a spec: the parser gives a tree or a {@link SpecSyntaxException} at a column of the
 * text, and each version constraint in the tree parses or gives a {@link VersionSyntaxException} at
 * an offset of its text; nothing else is thrown. {@code mvn verify} replays the inputs in {@code
 * SpecParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1} looks for new ones (docs/fuzzing.md).
 */
class SpecParserFuzzTest {

  @FuzzTest(maxDuration = "3m")
  void anyTextGivesASpecTreeOrASyntaxErrorAtOneOfItsColumns(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    SpecExpression spec;
    try {
      spec = SpecParser.parse(text);
    } catch (SpecSyntaxException e) {
      assertTrue(e.column() >= 1 && e.column() <= text.length() + 1, e::getMessage);
      return;
    }
    for (Node node : nodes(spec)) {
      if (node.versions() != null) {
        String versions = node.versions().text();
        try {
          VersionConstraint.parse(versions);
        } catch (VersionSyntaxException e) {
          assertTrue(e.offset() >= 0 && e.offset() <= versions.length(), e::getMessage);
        }
      }
    }
  }

  private static List<Node> nodes(SpecExpression spec) {
    List<Node> nodes = new ArrayList<>(List.of(spec.root()));
    for (Edge edge : spec.edges()) {
      nodes.add(edge.node());
      edge.edges().forEach(direct -> nodes.add(direct.node()));
    }
    return nodes;
  }
}
