package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What reading one page file gave: the page (null unless {@link #kind()} is {@code PAGE}), the
 * (tag, package) it stands for where that is known, and every problem found.
 *
 * @param key the page's key, or the one its {@code _cache/<tag>/<package>/} path implies; null when
 *     neither is known
 */
public record ReadResult(String path, Kind kind, Page page, PageKey key, List<Problem> problems) {

  /** A page to index, an old-format page that is skipped, or a page with errors. */
  public enum Kind {
    PAGE,
    LEGACY,
    FAILED
  }

  public ReadResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    problems = List.copyOf(problems);
    if ((kind == Kind.PAGE) != (page != null)) {
      throw new IllegalArgumentException("a page goes with kind PAGE and only with it");
    }
  }
}
