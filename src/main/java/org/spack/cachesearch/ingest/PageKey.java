package org.spack.cachesearch.ingest;

import java.util.Objects;

/** What a page describes, (tag, package): the unit that one ingest replaces or prunes. */
public record PageKey(String tag, String name) {

  public PageKey {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return tag + "/" + name;
  }
}
