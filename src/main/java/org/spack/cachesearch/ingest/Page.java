package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One package in one build-cache tag: a page's front matter, read and checked.
 *
 * @param path where the page was read from, as given to the reader
 * @param name the package name (the page's {@code title})
 * @param tag the build-cache tag ({@code develop}, {@code v0.23.0}, ...)
 */
public record Page(String path, String name, String tag, PageMeta meta, List<Spec> specs) {

  public Page {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(meta, "meta");
    specs = List.copyOf(specs);
  }

  public PageKey key() {
    return new PageKey(tag, name);
  }
}
