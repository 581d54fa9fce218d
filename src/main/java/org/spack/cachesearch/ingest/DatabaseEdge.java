package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a database node's {@code dependencies}: the dependency it names by hash, and the
 * edge's dependency types and virtuals.
 */
record DatabaseEdge(String name, String hash, List<String> deptypes, List<String> virtuals) {
  DatabaseEdge {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
    deptypes = List.copyOf(deptypes);
    virtuals = List.copyOf(virtuals);
  }
}
