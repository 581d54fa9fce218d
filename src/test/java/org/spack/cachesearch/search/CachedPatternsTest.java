package org.spack.cachesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spack.cachesearch.Corpus;
import org.spack.cachesearch.index.IndexSchema;

class CachedPatternsTest {
  @TempDir static Path tmp;
  private static DirectoryReader reader;

  private final SpecQueryParser parser = new SpecQueryParser(new IndexSchema(), Limits.DEFAULT);

  @BeforeAll
  static void ingest() throws IOException {
    Path dir = tmp.resolve("index");
    TestIndex.ingest(dir, Corpus.cacheTree());
    // One segment: the ingest's layout varies from run to run, and what the cache serves depends on
    // how many terms a pattern has in a segment (below).
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
      writer.forceMerge(1);
    }
    reader = DirectoryReader.open(FSDirectory.open(dir));
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  @Test
  void constantScorePatternsAreWrappedAndEverythingElseKept() {
    assertEquals(
        "+ConstantScore(compiler:gcc*) +target:aarch64",
        CachedPatterns.wrap(parser.parse("compiler:gcc* AND target:aarch64")).toString());
    assertEquals(
        "(ConstantScore(compiler:gcc*))^3.0 ConstantScore(package:/py-.*/)",
        CachedPatterns.wrap(parser.parse("compiler:gcc*^3 OR package:/py-.*/")).toString());
    // A fuzzy term scores by similarity: it stays as it is, and so does a query without patterns.
    Query fuzzy = parser.parse("zlib~1 OR target:aarch64");
    assertSame(fuzzy, CachedPatterns.wrap(fuzzy));
  }

  @Test
  void everyHitKeepsItsScoreAndPlace() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    for (String q :
        List.of(
            "compiler:gcc* AND target:aarch64",
            "compiler:gcc*^3 OR zlib",
            "package:py-* AND NOT os:ubuntu*",
            "zlib~1 OR compiler:clang*")) {
      Query parsed = parser.parse(q);
      List<String> plain = hits(searcher, parsed);
      assertTrue(plain.size() > 10, q + " matches " + plain.size());
      assertEquals(plain, hits(searcher, CachedPatterns.wrap(parsed)), q);
    }
  }

  @Test
  void aScoringSearchReadsThePatternFromTheCacheAFilterPassFilled() throws IOException {
    LRUQueryCache cache = new LRUQueryCache(100, 1 << 24, leaf -> true, Float.POSITIVE_INFINITY);
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(cache);
    searcher.setQueryCachingPolicy(
        new QueryCachingPolicy() {
          @Override
          public void onUse(Query query) {}

          @Override
          public boolean shouldCache(Query query) {
            return true;
          }
        });
    Query parsed = parser.parse("compiler:gcc* AND target:aarch64");
    searcher.count(parsed); // as a facet pass does: no scores, every clause cached
    long before = cache.getHitCount();
    searcher.search(parsed, 20);
    long plain = cache.getHitCount() - before;
    searcher.search(CachedPatterns.wrap(parsed), 20);
    long wrapped = cache.getHitCount() - before - plain;
    // Scored as parsed, the pattern's terms are walked again; wrapped, its matches are read from
    // the cache. (Lucene rewrites a pattern of at most 16 terms in a segment to a disjunction of
    // those terms, which both passes would cache under one key: hence one segment with all of
    // them.)
    int terms = termsStartingWith(reader.leaves().get(0), "compiler", "gcc");
    assertTrue(terms > 16, "gcc* is " + terms + " terms");
    assertEquals(0, plain);
    assertEquals(1, wrapped);
  }

  @Test
  void theServedCacheKeepsAPatternBesideAMuchCheaperClause() throws IOException {
    // gcc* matches most of the corpus, package:tree 16 specs: far over Lucene's default rule of
    // skipping a clause that costs ten times its conjunction's lead.
    Query parsed = parser.parse("compiler:gcc* AND package:tree");
    assertEquals(0, patternHits(new LRUQueryCache(1000, 1 << 24, leaf -> true, 10), parsed));
    assertEquals(1, patternHits(FilterCache.create(1 << 24, 0), parsed));
    // A segment under the size the cache asks for is never cached.
    assertEquals(0, patternHits(FilterCache.create(1 << 24, reader.maxDoc() + 1), parsed));
  }

  /** Hits of a wrapped, scored search in {@code cache} after three counts of {@code parsed}. */
  private long patternHits(LRUQueryCache cache, Query parsed) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(cache);
    searcher.setQueryCachingPolicy(new FilterCachingPolicy());
    for (int i = 0; i < 3; i++) {
      searcher.count(parsed); // the policy keeps a pattern once it recurs
    }
    long before = cache.getHitCount();
    searcher.search(CachedPatterns.wrap(parsed), 20);
    return cache.getHitCount() - before;
  }

  private static int termsStartingWith(LeafReaderContext leaf, String field, String prefix)
      throws IOException {
    int n = 0;
    TermsEnum terms = leaf.reader().terms(field).iterator();
    for (BytesRef t = terms.next(); t != null; t = terms.next()) {
      n += t.utf8ToString().startsWith(prefix) ? 1 : 0;
    }
    return n;
  }

  /** Each hit as document and score, in the order of the search. */
  private static List<String> hits(IndexSearcher searcher, Query query) throws IOException {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : searcher.search(query, 10_000).scoreDocs) {
      out.add(d.doc + ":" + d.score);
    }
    return out;
  }
}
