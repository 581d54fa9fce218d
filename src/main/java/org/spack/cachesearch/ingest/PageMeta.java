package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Map;

/**
 * A page's {@code meta}: the summaries the site generator wrote beside the specs. Checked against
 * the specs, never trusted over them.
 *
 * @param numSpecs null when the page does not say
 */
public record PageMeta(
    List<String> versions,
    List<String> compilers,
    List<String> oss,
    List<String> platforms,
    List<String> targets,
    List<String> stacks,
    Integer numSpecs,
    Map<String, Integer> numSpecsByStack) {

  public static final PageMeta EMPTY =
      new PageMeta(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, Map.of());

  public PageMeta {
    versions = List.copyOf(versions);
    compilers = List.copyOf(compilers);
    oss = List.copyOf(oss);
    platforms = List.copyOf(platforms);
    targets = List.copyOf(targets);
    stacks = List.copyOf(stacks);
    numSpecsByStack = Map.copyOf(numSpecsByStack);
  }
}
