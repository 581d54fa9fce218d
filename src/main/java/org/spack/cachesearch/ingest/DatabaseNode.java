package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a build-cache database, reduced to what a {@link Binary} needs: kept for every
 * record until the edges are resolved, so it holds no JSON.
 *
 * @param hash the record's key, which Spack takes as the node's DAG hash
 * @param compiler {@code name@version} from the node itself (older nodes' {@code compiler}, or
 *     {@code annotations.compiler}); null when the compiler is a dependency or there is none
 * @param inBuildcache whether the cache holds a binary of this node; false for an external such as
 *     a system compiler
 * @param extra {@code namespace} and non-empty compiler flags, name to JSON text
 */
record DatabaseNode(
    String hash,
    String name,
    String version,
    String os,
    String platform,
    String target,
    String compiler,
    List<Variant> variants,
    List<DatabaseEdge> edges,
    boolean inBuildcache,
    Map<String, String> extra) {

  DatabaseNode {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(target, "target");
    variants = List.copyOf(variants);
    edges = List.copyOf(edges);
    extra = Map.copyOf(extra);
  }
}
