package org.spack.cachesearch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.index.IndexSchema;
import org.spack.cachesearch.index.SpecField;

/**
 * The tags of each hash one view has returned, resolved in batches: the first question about any of
 * them looks all of them up in one search over the hash field, reading each document's {@code
 * tag/hash} key from its sort values (no stored field is loaded). A page of 100 specs with their
 * tags costs one search, not 100.
 */
final class TagLookup {
  private static final Sort BY_ID = new Sort(new SortField(IndexSchema.ID, SortField.Type.STRING));

  private final Set<String> pending = new LinkedHashSet<>();
  private final Map<String, List<String>> resolved = new HashMap<>();

  synchronized void loaded(String hash) {
    if (!resolved.containsKey(hash)) {
      pending.add(hash);
    }
  }

  synchronized List<String> tagsOf(IndexView view, String hash) {
    if (!resolved.containsKey(hash)) {
      pending.add(hash);
      resolve(view);
    }
    return resolved.get(hash);
  }

  private void resolve(IndexView view) {
    List<BytesRef> terms = pending.stream().map(BytesRef::new).toList();
    Query query = new TermInSetQuery(SpecField.HASH.indexField(), terms);
    // At most one document per (hash, tag).
    int most = terms.size() * Math.max(1, IndexSummary.tagNames(view).size());
    TopFieldDocs top = view.run(() -> view.searcher().search(query, most, BY_ID, false));
    for (String hash : pending) {
      resolved.put(hash, new ArrayList<>());
    }
    for (ScoreDoc hit : top.scoreDocs) {
      IndexSchema.Id id =
          IndexSchema.Id.parse(((BytesRef) ((FieldDoc) hit).fields[0]).utf8ToString());
      resolved.get(id.hash()).add(id.tag());
    }
    pending.forEach(h -> resolved.put(h, resolved.get(h).stream().sorted().toList()));
    pending.clear();
  }
}
