package org.spack.cachesearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.PageKey;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * The one owner of the index layout: every field name, how each is indexed, the analyzers and the
 * facet configuration, derived from {@link SpecField}. The indexer and the searcher both use it, so
 * they cannot drift apart. (Over 200 lines: the whole layout, dependency terms included, reads best
 * in one place.)
 */
public final class IndexSchema {
  /** Bumped whenever documents change shape; an index of another version must be re-ingested. */
  public static final int VERSION = 7;

  /**
   * {@code tag/package} ({@link PageKey}): the unit an ingest replaces or prunes, and a facet
   * dimension that gives one row per (tag, package). Not searchable by users.
   */
  public static final String PAGE = "_page";

  /** {@code tag/hash} ({@link Id}): unique per document, the last sort key of every order. */
  public static final String ID = "_id";

  /** A document's unique key. */
  public record Id(String tag, String hash) {
    @Override
    public String toString() {
      return tag + "/" + hash;
    }

    /** Reads what {@link #toString} wrote (a hash has no slash). */
    public static Id parse(String text) {
      int slash = text.lastIndexOf('/');
      return new Id(text.substring(0, slash), text.substring(slash + 1));
    }
  }

  /**
   * The spec as the page wrote it ({@link StoredSpec}), with package and tag: a hit needs no other
   * lookup.
   */
  private static final String SOURCE = "_source";

  private static final Set<String> SOURCE_ONLY = Set.of(SOURCE);

  /** {@link #keyed} name and version key of every dependency, direct or not. */
  public static final String DEPENDENCY_VERSION = "_dependencyVersion";

  /** {@link #keyed} name and version key of every direct dependency. */
  public static final String DIRECT_DEPENDENCY_VERSION = "_directDependencyVersion";

  /** {@link #keyed} name and {@code name=value} variant of every dependency. */
  public static final String DEPENDENCY_VARIANT = "_dependencyVariant";

  /** The hashes of every dependency: what {@code ^/hash} matches. */
  public static final String DEPENDENCY_HASH = "_dependencyHash";

  /** The hashes of the direct dependencies: the dependents of a binary are found by these. */
  public static final String DIRECT_DEPENDENCY_HASH = "_directDependencyHash";

  /** The catch-all field of bare words. */
  public static final String TEXT = SpecField.TEXT.indexField();

  /** Facet dimensions: the vocabulary's facet fields and the page key. */
  public static final List<String> FACETS =
      Stream.concat(SpecField.facets().stream().map(SpecField::indexField), Stream.of(PAGE))
          .toList();

  /** Commit user data keys. */
  public static final String DATA_VERSION = "schema.version";

  public static final String DATA_BUILT_AT = "built.at";
  public static final String DATA_BUILT_FROM = "built.from";

  private static final Set<String> MULTI_VALUED =
      Stream.of(SpecField.values())
          .filter(SpecField::isMultiValued)
          .map(SpecField::indexField)
          .collect(Collectors.toUnmodifiableSet());

  private final FacetsConfig facetsConfig = buildFacetsConfig();

  /** See {@link #versionKey}; one schema serves one ingest or one searcher. */
  private final Map<String, String> versionKeys = new ConcurrentHashMap<>();

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

  /** The documents for one page, one per spec, facet fields included. */
  public List<Document> documents(Page page) {
    List<Document> docs = new ArrayList<>(page.specs().size());
    for (Spec spec : page.specs()) {
      docs.add(document(page, spec));
    }
    return docs;
  }

  private Document document(Page page, Spec spec) {
    SpecHit hit = new SpecHit(page.name(), page.tag(), spec);
    Document doc = new Document();
    String pageKey = page.key().toString();
    doc.add(new StringField(PAGE, pageKey, Field.Store.NO));
    facet(doc, PAGE, pageKey);
    doc.add(new SortedDocValuesField(ID, new BytesRef(new Id(page.tag(), spec.hash()).toString())));
    doc.add(new StoredField(SOURCE, StoredSpec.encode(hit)));
    Set<String> words = new LinkedHashSet<>();
    for (SpecField field : SpecField.values()) {
      String name = field.indexField();
      String keyField = field.versionKeyField().orElse(null);
      String highestKey = null;
      for (String value : field.values(hit)) {
        doc.add(new StringField(name, value, Field.Store.NO));
        if (field.isInText()) {
          words(words, value);
        }
        if (keyField != null) {
          String key = versionKey(value);
          doc.add(new StringField(keyField, key, Field.Store.NO));
          // Doc values too: a range beside a narrower clause checks these per candidate.
          doc.add(new SortedSetDocValuesField(keyField, new BytesRef(key)));
          highestKey = highestKey == null || key.compareTo(highestKey) > 0 ? key : highestKey;
        }
      }
      if (field.isNumeric()) {
        field.number(hit).ifPresent(n -> numeric(doc, name, n));
      }
      if (field.isFacet()) {
        for (String value : field.facetValues(hit)) {
          facet(doc, name, value);
        }
      }
      String sortValue =
          field.sortsByHighestVersionKey() ? highestKey : field.sortValue(hit).orElse(null);
      if (sortValue != null) {
        doc.add(new SortedDocValuesField(field.sortField().get(), new BytesRef(sortValue)));
      }
    }
    doc.add(new TextField(TEXT, String.join(" ", words), Field.Store.NO));
    dependencies(doc, spec);
    return doc;
  }

  /**
   * What {@link FacetsConfig#build} makes of a {@code SortedSetDocValuesFacetField} of a flat
   * dimension with {@link #facetsConfig()}'s settings (its own doc-values field, no drill-down
   * terms), written directly: the build step copied every document and checked every label, a tenth
   * of the ingest's time.
   */
  private static void facet(Document doc, String dim, String value) {
    doc.add(
        new SortedSetDocValuesField(
            facetField(dim), new BytesRef(FacetsConfig.pathToString(dim, new String[] {value}))));
  }

  /**
   * What {@code ^name@versions +variant} and {@code %name@versions} match: each dependency's
   * version key and variants under its name (name, a zero byte, then the key or {@code
   * name=value}), so that a version range of one dependency is one term range; and the
   * dependencies' hashes, for {@code ^/hash} and the dependents of a binary.
   */
  private void dependencies(Document doc, Spec spec) {
    for (Dependency d : spec.closure()) {
      doc.add(new StringField(DEPENDENCY_HASH, d.hash(), Field.Store.NO));
      doc.add(
          new StringField(
              DEPENDENCY_VERSION, keyed(d.name(), versionKey(d.version())), Field.Store.NO));
      for (Variant v : d.variants()) {
        v.normalized()
            .forEach(
                n ->
                    doc.add(
                        new StringField(DEPENDENCY_VARIANT, keyed(d.name(), n), Field.Store.NO)));
      }
    }
    for (Dependency d : spec.dependencies()) {
      doc.add(
          new StringField(
              DIRECT_DEPENDENCY_VERSION, keyed(d.name(), versionKey(d.version())), Field.Store.NO));
      doc.add(new StringField(DIRECT_DEPENDENCY_HASH, d.hash(), Field.Store.NO));
    }
  }

  /**
   * A version's sort key, computed once per distinct version: a build-cache index repeats the same
   * few thousand dependency versions across every binary's closure.
   */
  private String versionKey(String version) {
    return versionKeys.computeIfAbsent(version, SpackVersion::sortKey);
  }

  /** A dependency's name and one of its values in one term: {@code name}, zero byte, value. */
  public static String keyed(String name, String value) {
    return name + '\u0000' + value;
  }

  /** A point for ranges and doc values for sorting. */
  private static void numeric(Document doc, String name, long value) {
    doc.add(new LongPoint(name, value));
    doc.add(new NumericDocValuesField(name, value));
  }

  /** The spec a document stores. */
  public SpecHit load(StoredFields fields, int doc) throws IOException {
    BytesRef bytes = fields.document(doc, SOURCE_ONLY).getBinaryValue(SOURCE);
    return StoredSpec.decode(bytes.bytes, bytes.offset, bytes.length);
  }
}
