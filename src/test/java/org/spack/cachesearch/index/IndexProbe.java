package org.spack.cachesearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.spack.cachesearch.ingest.PageKey;

/** Reads facts back out of an index on disk for tests: counts per page and per facet value. */
final class IndexProbe implements AutoCloseable {
  private final DirectoryReader reader;
  private final IndexSchema schema = new IndexSchema();

  IndexProbe(Path dir) throws IOException {
    this.reader = SpecIndex.open(dir);
  }

  int numDocs() {
    return reader.numDocs();
  }

  int count(String field, String value) throws IOException {
    return new IndexSearcher(reader).count(new TermQuery(new Term(field, value)));
  }

  int pageCount(String tag, String name) throws IOException {
    return count(IndexSchema.PAGE, new PageKey(tag, name).toString());
  }

  /** Every value of a facet dimension over the whole index, with its count. */
  Map<String, Integer> facet(String dim) throws IOException {
    SortedSetDocValuesReaderState state =
        new DefaultSortedSetDocValuesReaderState(
            reader, IndexSchema.facetField(dim), schema.facetsConfig());
    FacetResult result = new SortedSetDocValuesFacetCounts(state).getAllChildren(dim);
    Map<String, Integer> counts = new TreeMap<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        counts.put(lv.label, lv.value.intValue());
      }
    }
    return counts;
  }

  Map<String, String> userData() throws IOException {
    return reader.getIndexCommit().getUserData();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
