package org.spack.cachesearch.ingest;

import java.util.Objects;

/** What a page describes, (tag, package): the unit that one ingest replaces or prunes. */
public record PageKey(String tag, String name) {

  public PageKey {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(name, "name");
  }

  /** {@code tag/name}: how the index keys a page (a tag has no slash; a name may not either). */
  @Override
  public String toString() {
    return tag + "/" + name;
  }

  /** Reads what {@link #toString} wrote. */
  public static PageKey parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a page key (tag/name): " + text);
    }
    return new PageKey(text.substring(0, slash), text.substring(slash + 1));
  }
}
