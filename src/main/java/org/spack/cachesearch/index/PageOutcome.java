package org.spack.cachesearch.index;

import java.util.List;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.Problem;
import org.spack.cachesearch.ingest.ReadResult;

/**
 * What an ingest keeps of one read result once its page is indexed: its kind, key, counts and
 * problems, not its specs (a run over millions of specs would otherwise hold them all until the
 * end).
 *
 * @param key the page's key, or the one its path implies; null when neither is known
 * @param indexedTag the tag of the page indexed; null unless {@code kind} is {@code PAGE}
 */
record PageOutcome(
    ReadResult.Kind kind, PageKey key, String indexedTag, int specs, List<Problem> problems) {
  PageOutcome {
    problems = List.copyOf(problems);
  }

  static PageOutcome of(ReadResult r) {
    return r.page() == null
        ? new PageOutcome(r.kind(), r.key(), null, 0, r.problems())
        : new PageOutcome(r.kind(), r.key(), r.page().tag(), r.page().specs().size(), r.problems());
  }
}
