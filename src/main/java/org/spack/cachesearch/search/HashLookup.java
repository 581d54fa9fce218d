package org.spack.cachesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.ingest.Dependency;

/**
 * Where each hash a view has met lives, resolved in batches: the hashes of every spec the view
 * returned and of their dependencies are looked up together, in one search over the hash field, the
 * first time one of them is asked about; each document's {@code tag/hash} key comes from its sort
 * values (no stored field is read). A page of 100 specs with their tags, or with their
 * dependencies' specs, costs one search, not one each.
 */
final class HashLookup {
  private static final Sort BY_ID = new Sort(new SortField(IndexSchema.ID, SortField.Type.STRING));

  /** A document holding a hash, in one tag. */
  private record Place(String tag, int doc) {}

  private final Set<String> pending = new LinkedHashSet<>();
  private final Map<String, List<Place>> resolved = new HashMap<>();

  synchronized void loaded(SpecHit hit) {
    want(hit.hash());
    hit.dependencies().stream().map(Dependency::hash).forEach(this::want);
  }

  private void want(String hash) {
    if (!resolved.containsKey(hash)) {
      pending.add(hash);
    }
  }

  /** Every tag holding this exact hash, by name. */
  synchronized List<String> tagsOf(IndexView view, String hash) {
    return places(view, hash).stream().map(Place::tag).toList();
  }

  /**
   * The document of this hash in {@code tag}, else in {@code develop}, else in the last tag by
   * name; empty when the index does not hold the hash.
   */
  synchronized Optional<Integer> docOf(IndexView view, String hash, String tag) {
    return places(view, hash).stream()
        .max(
            Comparator.comparing((Place p) -> p.tag().equals(tag))
                .thenComparing(p -> p.tag().equals("develop"))
                .thenComparing(Place::tag))
        .map(Place::doc);
  }

  private List<Place> places(IndexView view, String hash) {
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
    Map<String, List<Place>> found = new HashMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      IndexSchema.Id id =
          IndexSchema.Id.parse(((BytesRef) ((FieldDoc) hit).fields[0]).utf8ToString());
      found.computeIfAbsent(id.hash(), h -> new ArrayList<>()).add(new Place(id.tag(), hit.doc));
    }
    for (String hash : pending) {
      List<Place> places = found.getOrDefault(hash, List.of());
      resolved.put(hash, places.stream().sorted(Comparator.comparing(Place::tag)).toList());
    }
    pending.clear();
  }
}
