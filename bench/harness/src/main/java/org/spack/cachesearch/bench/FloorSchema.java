package org.spack.cachesearch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * The raw-Lucene floor's index layout, written and read by the floor alone: the keyword fields the
 * query mix reads (named as ours names them, with the same raw and normalised forms and version
 * keys), the 11 facet dimensions in one shared doc-values field, the doc values the mix sorts by,
 * and the spec as one stored JSON field. Nothing else: no catch-all text, sizes or page key.
 */
final class FloorSchema {
  static final String PACKAGE = "package";
  static final String TAG = "tag";
  static final String HASH = "hash";
  static final String COMPILER = "compiler";
  static final String COMPILER_NAME = "compilerName";
  static final String VERSIONS = "versions";
  static final String VERSION_KEY = "_versionKey";
  static final String OS = "os";
  static final String PLATFORM = "platform";
  static final String TARGET = "target";
  static final String ARCH = "arch";
  static final String STACKS = "stacks";
  static final String VARIANTS = "variants";

  /** {@code tag/hash}: unique, the last key of every order, as in ours. */
  static final String ID = "_id";

  static final String SOURCE = "_source";

  /** The 11 facet dimensions; ours has the same (and more that pages leave empty). */
  static final List<String> DIMS =
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
          VARIANTS);

  static final Sort BY_PACKAGE = new Sort(string(PACKAGE), string(ID));
  static final Sort BY_HASH = new Sort(string(HASH), string(ID));
  static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE, string(ID));

  private static final String COMPILER_VERSION = "compilerVersion";
  static final String COMPILER_VERSION_KEY = "_compilerVersionKey";
  private static final JsonFactory JSON = new JsonFactory();

  private final FacetsConfig config = facetsConfig();

  /** Every dimension in the default shared field; facet values are never indexed as terms. */
  static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : DIMS) {
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    for (String dim : List.of(VERSIONS, STACKS, VARIANTS)) {
      config.setMultiValued(dim, true);
    }
    return config;
  }

  private static SortField string(String field) {
    SortField f = new SortField(field, SortField.Type.STRING);
    f.setMissingValue(SortField.STRING_LAST);
    return f;
  }

  /** One document per spec of the page, facets built. */
  List<Document> documents(Page page) throws IOException {
    List<Document> docs = new ArrayList<>(page.specs().size());
    for (Spec spec : page.specs()) {
      docs.add(config.build(document(page, spec)));
    }
    return docs;
  }

  private static Document document(Page page, Spec spec) {
    Document doc = new Document();
    keyword(doc, PACKAGE, page.name());
    keyword(doc, TAG, page.tag());
    keyword(doc, HASH, spec.hash());
    sorted(doc, PACKAGE, page.name());
    sorted(doc, HASH, spec.hash());
    sorted(doc, ID, page.tag() + "/" + spec.hash());
    compiler(doc, spec.compiler());
    for (String v : spec.versions()) {
      keyword(doc, VERSIONS, v);
      keyword(doc, VERSION_KEY, SpackVersion.sortKey(v));
    }
    keyword(doc, OS, spec.os());
    keyword(doc, PLATFORM, spec.platform());
    keyword(doc, TARGET, spec.target());
    keyword(doc, ARCH, spec.arch());
    spec.stacks().forEach(s -> keyword(doc, STACKS, s));
    Set<String> variantFacets = new LinkedHashSet<>();
    for (Variant v : spec.variants()) {
      keyword(doc, VARIANTS, v.raw());
      v.normalized().forEach(n -> keyword(doc, VARIANTS, n));
      variantFacets.addAll(v.normalized());
    }
    facets(doc, page, spec, variantFacets);
    doc.add(new StoredField(SOURCE, json(page, spec)));
    return doc;
  }

  private static void compiler(Document doc, Compiler c) {
    keyword(doc, COMPILER, c.raw());
    if (!c.normalized().equals(c.raw())) {
      keyword(doc, COMPILER, c.normalized());
    }
    keyword(doc, COMPILER_NAME, c.name());
    if (!c.version().isEmpty()) {
      keyword(doc, COMPILER_VERSION, c.version());
      keyword(doc, COMPILER_VERSION_KEY, SpackVersion.sortKey(c.version()));
    }
  }

  private static void facets(Document doc, Page page, Spec spec, Set<String> variants) {
    facet(doc, PACKAGE, page.name());
    facet(doc, TAG, page.tag());
    facet(doc, COMPILER, spec.compiler().normalized());
    facet(doc, COMPILER_NAME, spec.compiler().name());
    new LinkedHashSet<>(spec.versions()).forEach(v -> facet(doc, VERSIONS, v));
    facet(doc, OS, spec.os());
    facet(doc, PLATFORM, spec.platform());
    facet(doc, TARGET, spec.target());
    facet(doc, ARCH, spec.arch());
    new LinkedHashSet<>(spec.stacks()).forEach(s -> facet(doc, STACKS, s));
    variants.forEach(v -> facet(doc, VARIANTS, v));
  }

  private static void keyword(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.NO));
  }

  private static void sorted(Document doc, String field, String value) {
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  private static void facet(Document doc, String dim, String value) {
    doc.add(new SortedSetDocValuesFacetField(dim, value));
  }

  /** The stored copy: package, tag and the spec's fields as the page wrote them. */
  static byte[] json(Page page, Spec spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("package", page.name());
      g.writeStringField("tag", page.tag());
      g.writeObjectFieldStart("spec");
      g.writeStringField("hash", spec.hash());
      g.writeStringField("compiler", spec.compiler().raw());
      g.writeStringField("os", spec.os());
      g.writeStringField("platform", spec.platform());
      g.writeStringField("target", spec.target());
      strings(g, "variants", spec.variants().stream().map(Variant::raw).toList());
      strings(g, "versions", spec.versions());
      strings(g, "stacks", spec.stacks());
      if (spec.size() != null) {
        g.writeNumberField("size", spec.size());
      }
      for (var e : spec.extra().entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeRawValue(e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
