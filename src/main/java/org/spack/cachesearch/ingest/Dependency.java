package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A dependency of a binary as Spack's build-cache index records it: the node's name, version and
 * hash, its variants, and for a direct dependency the edge's dependency types and the virtuals it
 * provides to the dependent ({@code c}, {@code cxx}, {@code mpi}, ...).
 *
 * @param deptypes {@code build}, {@code link}, {@code run}, {@code test}; empty for a transitive
 *     entry
 * @param virtuals what the dependency provides along this edge; empty for a transitive entry
 * @param external true for a node that is not a binary of the cache ({@code in_buildcache: false},
 *     such as a system compiler)
 */
public record Dependency(
    String name,
    String version,
    String hash,
    List<String> deptypes,
    List<String> virtuals,
    List<Variant> variants,
    boolean external) {

  public Dependency {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(hash, "hash");
    deptypes = List.copyOf(deptypes);
    virtuals = List.copyOf(virtuals);
    variants = List.copyOf(variants);
  }
}
