package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a page's parsed front matter field by field and builds the {@link Page}; every problem
 * goes to the page's {@link PageProblems} with its file line.
 */
final class PageChecker {
  private final String path;
  private final Optional<PageKey> pathKey;
  private final Map<String, Located> fields;
  private final List<Located> specNodes;
  private final PageProblems problems;

  PageChecker(
      String path,
      Optional<PageKey> pathKey,
      Map<String, Located> fields,
      List<Located> specNodes,
      PageProblems problems) {
    this.path = path;
    this.pathKey = pathKey;
    this.fields = fields;
    this.specNodes = specNodes;
    this.problems = problems;
  }

  ReadResult build() {
    String name = name();
    String tag = tag();
    PageMeta meta = meta();
    List<Spec> specs = specs();
    if (problems.hasErrors() || name == null || tag == null || meta == null || specs == null) {
      PageKey key = name != null && tag != null ? new PageKey(tag, name) : pathKey.orElse(null);
      return problems.result(ReadResult.Kind.FAILED, null, key);
    }
    Page page = new Page(path, name, tag, meta, specs);
    if (fields.containsKey("meta")) {
      int line = fields.get("meta").line();
      MetaCheck.check(meta, specs).forEach(m -> problems.warning(line, m));
    }
    pathKey
        .filter(k -> !k.equals(page.key()))
        .ifPresent(
            k ->
                problems.warning(
                    1, "page says " + page.key() + " but lies under _cache/" + k + "/"));
    return problems.result(ReadResult.Kind.PAGE, page, page.key());
  }

  private String name() {
    Located title = fields.get("title");
    if (title == null || title.node().isNull()) {
      problems.error(
          title == null ? 1 : title.line(), "missing required field 'title' (the package name)");
      return null;
    }
    String name = title.node().isValueNode() ? title.node().asText() : null;
    String fault = name == null ? null : PageName.fault(name);
    if (name == null || fault != null) {
      problems.error(
          title.line(),
          "'title' must be a package name, not "
              + (name == null ? Fields.describe(title.node()) : Printable.quote(name) + fault));
      return null;
    }
    return name;
  }

  private String tag() {
    Located categories = fields.get("categories");
    if (categories == null) {
      return tagFromPath();
    }
    List<String> values = new ArrayList<>();
    if (categories.node().isArray()) {
      categories.node().forEach(n -> values.add(n.isValueNode() ? n.asText() : null));
    }
    List<String> tags = values.stream().filter(v -> !"package".equals(v)).toList();
    if (!categories.node().isArray() || tags.size() != 1 || tags.get(0) == null) {
      problems.error(
          categories.line(),
          "'categories' must be [package, <tag>], not "
              + Printable.escape(Printable.cut(categories.node().toString())));
      return null;
    }
    String fault = PageName.fault(tags.get(0));
    if (fault != null) {
      problems.error(
          categories.line(),
          "'categories' must name a tag, not " + Printable.quote(tags.get(0)) + fault);
      return null;
    }
    return tags.get(0);
  }

  /** Without categories, the tag is the folder under {@code _cache/}. */
  private String tagFromPath() {
    if (pathKey.isEmpty()) {
      problems.error(
          1,
          "no tag: 'categories: [package, <tag>]' is missing and the path has no"
              + " _cache/<tag>/ folder");
      return null;
    }
    String tag = pathKey.get().tag();
    String fault = PageName.fault(tag);
    if (fault != null) {
      problems.error(
          1,
          "no tag: 'categories: [package, <tag>]' is missing and the path's tag folder "
              + Printable.quote(tag)
              + fault);
      return null;
    }
    return tag;
  }

  private PageMeta meta() {
    Located meta = fields.get("meta");
    if (meta == null || meta.node().isNull()) {
      return PageMeta.EMPTY;
    }
    if (!meta.node().isObject()) {
      problems.error(meta.line(), "'meta' must be a mapping, not " + Fields.describe(meta.node()));
      return null;
    }
    int before = problems.count();
    Fields f = new Fields(meta.node(), "meta", m -> problems.error(meta.line(), m));
    List<String> versions = f.strings("versions", false);
    List<String> compilers = f.strings("compilers", false);
    List<String> oss = f.strings("oss", false);
    List<String> platforms = f.strings("platforms", false);
    List<String> targets = f.strings("targets", false);
    List<String> stacks = f.strings("stacks", false);
    Integer numSpecs = count(f, f.get("num_specs"), "num_specs");
    Map<String, Integer> byStack = new LinkedHashMap<>();
    JsonNode byStackNode = f.get("num_specs_by_stack");
    if (byStackNode != null && !byStackNode.isObject()) {
      f.error(
          "'num_specs_by_stack' must be a mapping of stack to count, not "
              + Fields.describe(byStackNode));
    } else if (byStackNode != null) {
      byStackNode
          .properties()
          .forEach(
              e ->
                  byStack.put(
                      e.getKey(), count(f, e.getValue(), "num_specs_by_stack." + e.getKey())));
    }
    if (problems.count() > before) {
      return null;
    }
    return new PageMeta(versions, compilers, oss, platforms, targets, stacks, numSpecs, byStack);
  }

  private static Integer count(Fields f, JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    if (!node.isInt() || node.asInt() < 0) {
      f.error(
          "'"
              + field
              + "' must be a whole number, not "
              + Fields.describe(node)
              + (node.isValueNode() ? " " + node : ""));
      return 0;
    }
    return node.asInt();
  }

  private List<Spec> specs() {
    Located details = fields.get("spec_details");
    if (details == null || details.node().isNull()) {
      problems.error(
          details == null ? 1 : details.line(),
          "missing required field 'spec_details' (the list of specs)");
      return null;
    }
    if (!details.node().isArray()) {
      problems.error(
          details.line(),
          "'spec_details' must be a list of specs, not " + Fields.describe(details.node()));
      return null;
    }
    List<Spec> specs = new ArrayList<>(specNodes.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < specNodes.size(); i++) {
      Located node = specNodes.get(i);
      String where = "spec_details[" + i + "]";
      Spec spec = SpecReader.read(node.node(), where, m -> problems.error(node.line(), m));
      if (spec == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(spec.hash(), i);
      if (first != null) {
        problems.error(
            node.line(),
            where + ": duplicate hash \"" + spec.hash() + "\" (also spec_details[" + first + "])");
        continue;
      }
      specs.add(spec);
    }
    return specs;
  }
}
