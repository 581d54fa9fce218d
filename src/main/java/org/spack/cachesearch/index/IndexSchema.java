package org.spack.cachesearch.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * The one owner of the index layout: every field name, how each is indexed, the analyzers and the
 * facet configuration. The indexer and the searcher both use it, so they cannot drift apart.
 */
public final class IndexSchema {
  /** Bumped whenever documents change shape; an index of another version must be re-ingested. */
  public static final int VERSION = 3;

  // Keyword fields (StringField, not analyzed): values match exactly as the pages spell them,
  // and wildcards work on them (compiler:gcc*). Multi-valued where the data is.
  public static final String PACKAGE = "package";
  public static final String TAG = "tag";
  public static final String HASH = "hash";

  /** Raw ({@code gcc@=11.4.0}) and normalised ({@code gcc@11.4.0}) forms, both searchable. */
  public static final String COMPILER = "compiler";

  public static final String COMPILER_NAME = "compilerName";
  public static final String COMPILER_VERSION = "compilerVersion";
  public static final String VERSIONS = "versions";
  public static final String OS = "os";
  public static final String PLATFORM = "platform";
  public static final String TARGET = "target";
  public static final String ARCH = "arch";
  public static final String STACKS = "stacks";

  /** Raw ({@code +shared}) and normalised ({@code shared=true}) forms, both searchable. */
  public static final String VARIANTS = "variants";

  /** Bytes: a point for ranges and doc values for sorting; absent when the page says "-". */
  public static final String SIZE = "size";

  /** Catch-all for bare words: every value above, split into words as well as whole. */
  public static final String TEXT = "text";

  /**
   * {@code tag/package}: the unit an ingest replaces or prunes, and a facet dimension that gives
   * one row per (tag, package). Not searchable by users.
   */
  public static final String PAGE = "_page";

  /** {@code tag/hash}: unique per document, the last sort key so that cursors are stable. */
  public static final String ID = "_id";

  /** Doc values only: the spec's highest version as a {@link SpackVersion} key, for sorting. */
  public static final String VERSION_SORT = "_versionSort";

  /** Doc values only: the normalised compiler, for sorting. */
  public static final String COMPILER_SORT = "_compilerSort";

  /** The spec as the page wrote it (JSON), with package and tag: a hit needs no other lookup. */
  public static final String SOURCE = "_source";

  /** Fields a user may name in a query, in the order the docs list them. */
  public static final List<String> SEARCHABLE =
      List.of(
          PACKAGE,
          TAG,
          HASH,
          COMPILER,
          COMPILER_NAME,
          COMPILER_VERSION,
          VERSIONS,
          OS,
          PLATFORM,
          TARGET,
          ARCH,
          STACKS,
          VARIANTS,
          SIZE,
          TEXT);

  /** Facet dimensions: each is also a keyword field of the same name, used for drill-down. */
  public static final List<String> FACETS =
      List.of(
          PACKAGE,
          TAG,
          COMPILER,
          COMPILER_NAME,
          VERSIONS,
          OS,
          PLATFORM,
          TARGET,
          ARCH,
          STACKS,
          VARIANTS,
          PAGE);

  private static final Set<String> MULTI_VALUED = Set.of(VERSIONS, STACKS, VARIANTS);

  /** Commit user data keys. */
  public static final String DATA_VERSION = "schema.version";

  public static final String DATA_BUILT_AT = "built.at";
  public static final String DATA_BUILT_FROM = "built.from";

  private final FacetsConfig facetsConfig = buildFacetsConfig();

  /** The same configuration at index and search time, as the facet module requires. */
  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  private static FacetsConfig buildFacetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : FACETS) {
      // One doc-values field per dimension: multi-select (DrillSideways) counts one dim at a
      // time and measured twice as fast so (see shared/notes/lucene-measurements.md); match-all
      // counts, which a shared field would favour, are cached per searcher instead.
      config.setIndexFieldName(dim, facetField(dim));
      config.setMultiValued(dim, MULTI_VALUED.contains(dim));
      // Drill down on the keyword field of the same name: facet values are not indexed twice.
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    return config;
  }

  /** The doc-values field that holds a dimension's facet ordinals. */
  public static String facetField(String dim) {
    return "$facets." + dim;
  }

  /**
   * Analyzer for indexing and queries alike: keyword fields take the value whole; the catch-all
   * {@link #TEXT} is split on white space and lowercased. Its words are split further by {@link
   * #words} before they get here, which measured several times faster than a
   * WordDelimiterGraphFilter chain.
   */
  public Analyzer analyzer() {
    return analyzer;
  }

  private final Analyzer analyzer =
      new PerFieldAnalyzerWrapper(
          new KeywordAnalyzer(),
          Map.of(
              TEXT,
              new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                  Tokenizer tokenizer = new WhitespaceTokenizer();
                  return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
                }

                @Override
                protected TokenStream normalize(String fieldName, TokenStream in) {
                  // Wildcard and prefix terms on bare words are lowercased like the words.
                  return new LowerCaseFilter(in);
                }
              }));

  /** A value whole and its alphanumeric parts: py-filelock, py, filelock. */
  private static void words(Set<String> words, String value) {
    words.add(value);
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || !Character.isLetterOrDigit(value.charAt(i))) {
        if (i > start) {
          words.add(value.substring(start, i));
        }
        start = i + 1;
      }
    }
  }

  /** The documents for one page, one per spec, before {@link FacetsConfig#build}. */
  public List<Document> documents(Page page) {
    List<Document> docs = new ArrayList<>(page.specs().size());
    for (Spec spec : page.specs()) {
      docs.add(document(page, spec));
    }
    return docs;
  }

  public static String pageKey(String tag, String packageName) {
    return tag + "/" + packageName;
  }

  private Document document(Page page, Spec spec) {
    Document doc = new Document();
    doc.add(new StringField(PAGE, pageKey(page.tag(), page.name()), Field.Store.NO));
    doc.add(new StoredField(SOURCE, source(page, spec)));
    Set<String> words = new LinkedHashSet<>();
    keyword(doc, words, PACKAGE, page.name());
    doc.add(new SortedDocValuesField(PACKAGE, new BytesRef(page.name())));
    keyword(doc, words, TAG, page.tag());
    keyword(doc, words, HASH, spec.hash());
    doc.add(new SortedDocValuesField(HASH, new BytesRef(spec.hash())));
    doc.add(new SortedDocValuesField(ID, new BytesRef(page.tag() + "/" + spec.hash())));
    doc.add(new SortedDocValuesField(COMPILER_SORT, new BytesRef(spec.compiler().normalized())));
    spec.versions().stream()
        .min(SpackVersion.NEWEST_FIRST)
        .map(v -> new BytesRef(SpackVersion.sortKeyBytes(v)))
        .ifPresent(key -> doc.add(new SortedDocValuesField(VERSION_SORT, key)));
    keyword(doc, words, COMPILER, spec.compiler().raw());
    keyword(doc, words, COMPILER, spec.compiler().normalized());
    keyword(doc, words, COMPILER_NAME, spec.compiler().name());
    if (!spec.compiler().version().isEmpty()) {
      keyword(doc, words, COMPILER_VERSION, spec.compiler().version());
    }
    spec.versions().forEach(v -> keyword(doc, words, VERSIONS, v));
    keyword(doc, words, OS, spec.os());
    keyword(doc, words, PLATFORM, spec.platform());
    keyword(doc, words, TARGET, spec.target());
    keyword(doc, words, ARCH, spec.arch());
    spec.stacks().forEach(s -> keyword(doc, words, STACKS, s));
    for (Variant variant : spec.variants()) {
      keyword(doc, words, VARIANTS, variant.raw());
      variant.normalized().forEach(v -> keyword(doc, words, VARIANTS, v));
    }
    if (spec.size() != null) {
      doc.add(new LongPoint(SIZE, spec.size()));
      doc.add(new NumericDocValuesField(SIZE, spec.size()));
    }
    doc.add(new TextField(TEXT, String.join(" ", words), Field.Store.NO));
    facets(doc, page, spec);
    return doc;
  }

  private static void keyword(Document doc, Set<String> words, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.NO));
    words(words, value);
  }

  private static void facets(Document doc, Page page, Spec spec) {
    doc.add(new SortedSetDocValuesFacetField(PACKAGE, page.name()));
    doc.add(new SortedSetDocValuesFacetField(TAG, page.tag()));
    doc.add(new SortedSetDocValuesFacetField(PAGE, pageKey(page.tag(), page.name())));
    doc.add(new SortedSetDocValuesFacetField(COMPILER, spec.compiler().normalized()));
    doc.add(new SortedSetDocValuesFacetField(COMPILER_NAME, spec.compiler().name()));
    doc.add(new SortedSetDocValuesFacetField(OS, spec.os()));
    doc.add(new SortedSetDocValuesFacetField(PLATFORM, spec.platform()));
    doc.add(new SortedSetDocValuesFacetField(TARGET, spec.target()));
    doc.add(new SortedSetDocValuesFacetField(ARCH, spec.arch()));
    new LinkedHashSet<>(spec.versions())
        .forEach(v -> doc.add(new SortedSetDocValuesFacetField(VERSIONS, v)));
    new LinkedHashSet<>(spec.stacks())
        .forEach(s -> doc.add(new SortedSetDocValuesFacetField(STACKS, s)));
    spec.variants().stream()
        .flatMap(v -> v.normalized().stream())
        .distinct()
        .forEach(v -> doc.add(new SortedSetDocValuesFacetField(VARIANTS, v)));
  }

  private static byte[] source(Page page, Spec spec) {
    return SpecJson.encode(page.name(), page.tag(), spec);
  }
}
