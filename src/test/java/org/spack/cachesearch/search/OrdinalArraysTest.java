package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IndexSchema;

class OrdinalArraysTest {
  @TempDir static Path tmp;
  private static Path dir;
  private static DirectoryReader reader;

  private final SpecQueryParser parser = new SpecQueryParser(new IndexSchema(), Limits.DEFAULT);

  @BeforeAll
  static void ingest() throws IOException {
    dir = tmp.resolve("index");
    TestIndex.ingest(dir, Corpus.cacheTree());
    reader = DirectoryReader.open(FSDirectory.open(dir));
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  private static String field(String dim) {
    return IndexSchema.facetField(dim);
  }

  @Test
  void everyDocumentCountsTheOrdinalsItsDocValuesHold() throws IOException {
    OrdinalArrays arrays = new OrdinalArrays(Long.MAX_VALUE);
    for (String dim : List.of("os", "package", "stacks", "versions")) {
      for (LeafReaderContext leaf : reader.leaves()) {
        OrdinalArrays.Ordinals ordinals = arrays.of(leaf.reader(), field(dim)).orElseThrow();
        SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field(dim));
        assertEquals(values.getValueCount(), ordinals.valueCount(), dim);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          int[] expected = new int[ordinals.valueCount() + 1];
          if (values.advanceExact(doc)) {
            for (int i = values.docValueCount(); i > 0; i--) {
              expected[(int) values.nextOrd() + 1]++;
            }
          }
          int[] counted = new int[ordinals.valueCount() + 1];
          ordinals.count(doc, counted);
          // [0] counts a document without a value, and is not read: compare the ordinals' counts.
          assertArrayEquals(
              Arrays.copyOfRange(expected, 1, expected.length),
              Arrays.copyOfRange(counted, 1, counted.length),
              dim + " doc " + doc);
        }
      }
    }
  }

  @Test
  void dimensionsOfTooManyValuesAreLeftToTheDocValues() throws IOException {
    // One segment: 65,535 documents, each its own value of a single-valued field (one more than a
    // char holds with 0 for none), the first with 255 values of a multi-valued one.
    Path wide = tmp.resolve("wide");
    try (IndexWriter writer =
        new IndexWriter(FSDirectory.open(wide), new IndexWriterConfig().setRAMBufferSizeMB(256))) {
      for (int i = 0; i < 65_535; i++) {
        Document doc = new Document();
        doc.add(new SortedSetDocValuesField("single", new BytesRef("v" + i)));
        doc.add(new SortedSetDocValuesField("fewer", new BytesRef("v" + i % 65_534)));
        if (i == 0) {
          for (int v = 0; v < 255; v++) {
            doc.add(new SortedSetDocValuesField("multi", new BytesRef("v" + v)));
            doc.add(new SortedSetDocValuesField("multiFewer", new BytesRef("v" + v % 254)));
          }
        }
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    try (DirectoryReader own = DirectoryReader.open(FSDirectory.open(wide))) {
      LeafReader segment = own.leaves().get(0).reader();
      OrdinalArrays arrays = new OrdinalArrays(Long.MAX_VALUE);
      assertTrue(arrays.of(segment, "single").isEmpty());
      assertTrue(arrays.of(segment, "multi").isEmpty());
      assertEquals(0, arrays.bytesUsed());
      // One value fewer each: a char a document; an int offset a document and a byte a value.
      assertEquals(65_534, arrays.of(segment, "fewer").orElseThrow().valueCount());
      assertEquals(2 * 65_535, arrays.bytesUsed());
      assertEquals(254, arrays.of(segment, "multiFewer").orElseThrow().valueCount());
      assertEquals(
          2 * 65_535 + 4 * 65_536 + 254, arrays.bytesUsed()); // a document holds a value once
    }
  }

  @Test
  void theBudgetBoundsTheArraysAndAClosedSegmentGivesItsBytesBack() throws IOException {
    try (DirectoryReader own = DirectoryReader.open(FSDirectory.open(dir))) {
      LeafReader first = own.leaves().get(0).reader();
      int maxDoc = first.maxDoc();
      // os has under 255 values: a byte a document. One fits, a second does not.
      OrdinalArrays arrays = new OrdinalArrays(maxDoc + maxDoc / 2);
      assertTrue(arrays.of(first, field("os")).isPresent());
      assertEquals(maxDoc, arrays.bytesUsed());
      assertTrue(arrays.of(first, field("target")).isEmpty());
      assertEquals(maxDoc, arrays.bytesUsed());
      // A second ask is the first's arrays, not another copy.
      assertTrue(arrays.of(first, field("os")).isPresent());
      assertEquals(maxDoc, arrays.bytesUsed());
      own.close();
      assertEquals(0, arrays.bytesUsed());
    }
  }

  @Test
  void countsFromTheArraysEqualCountsFromTheDocValues() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<SortedSetDocValuesReaderState> states = new ArrayList<>();
    List<String> dims = new ArrayList<>();
    for (String dim : IndexSchema.FACETS) {
      if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(field(dim)) == null) {
        continue; // pages record no dependencies
      }
      dims.add(dim);
      states.add(
          new DefaultSortedSetDocValuesReaderState(
              reader, field(dim), new IndexSchema().facetsConfig()));
    }
    for (Query query :
        List.of(
            new MatchAllDocsQuery(),
            parser.parse("compiler:gcc* AND target:aarch64"),
            parser.parse("stacks:e4s* OR os:ubuntu*"))) {
      ValueCounting.Tally arrays =
          searcher.search(query, new ValueCounting(states, new OrdinalArrays(Long.MAX_VALUE)));
      ValueCounting.Tally docValues =
          searcher.search(query, new ValueCounting(states, new OrdinalArrays(0)));
      assertTrue(arrays.hits() > 50, query + " matches " + arrays.hits());
      assertEquals(docValues.hits(), arrays.hits());
      for (int d = 0; d < states.size(); d++) {
        assertArrayEquals(docValues.counts()[d], arrays.counts()[d], dims.get(d));
      }
    }
  }
}
