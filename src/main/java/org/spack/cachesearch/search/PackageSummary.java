package org.spack.cachesearch.search;

import java.util.List;

/** One package in one tag, summarised from the specs that matched. */
public record PackageSummary(
    String name,
    String tag,
    int numSpecs,
    List<String> versions,
    List<String> compilers,
    List<String> oss,
    List<String> platforms,
    List<String> targets,
    List<String> stacks,
    List<StackCount> numSpecsByStack,
    List<String> otherTags) {

  /** Specs per stack. */
  public record StackCount(String stack, int count) {}
}
