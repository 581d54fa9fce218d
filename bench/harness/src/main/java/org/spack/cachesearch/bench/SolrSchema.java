package org.spack.cachesearch.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Page;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * The Solr core's documents ({@code solr/schema.xml}): the floor's keyword fields and values, with
 * the compiler's and the variants' facet values in fields of their own.
 */
final class SolrSchema {
  static final String ID = "id";

  /** The unique key, {@code tag/package/hash}: two pages of one tag can list the same spec. */
  static final String KEY = "_key";

  static final String SOURCE = "_source";
  static final String COMPILER_FACET = "compiler_facet";
  static final String VARIANTS_FACET = "variants_facet";

  /** The field each facet dimension is counted on, where it is not the dimension's own. */
  private static final Map<String, String> FACET_FIELDS =
      Map.of(FloorSchema.COMPILER, COMPILER_FACET, FloorSchema.VARIANTS, VARIANTS_FACET);

  private SolrSchema() {}

  static String facetField(String dim) {
    return FACET_FIELDS.getOrDefault(dim, dim);
  }

  /** One document per spec of the page. */
  static List<SolrInputDocument> documents(Page page) {
    List<SolrInputDocument> docs = new ArrayList<>(page.specs().size());
    for (Spec spec : page.specs()) {
      docs.add(document(page, spec));
    }
    return docs;
  }

  private static SolrInputDocument document(Page page, Spec spec) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(KEY, page.tag() + "/" + page.name() + "/" + spec.hash());
    doc.addField(ID, page.tag() + "/" + spec.hash());
    doc.addField(FloorSchema.PACKAGE, page.name());
    doc.addField(FloorSchema.TAG, page.tag());
    doc.addField(FloorSchema.HASH, spec.hash());
    compiler(doc, spec.compiler());
    for (String v : new LinkedHashSet<>(spec.versions())) {
      doc.addField(FloorSchema.VERSIONS, v);
      doc.addField(FloorSchema.VERSION_KEY, SpackVersion.sortKey(v));
    }
    doc.addField(FloorSchema.OS, spec.os());
    doc.addField(FloorSchema.PLATFORM, spec.platform());
    doc.addField(FloorSchema.TARGET, spec.target());
    doc.addField(FloorSchema.ARCH, spec.arch());
    new LinkedHashSet<>(spec.stacks()).forEach(s -> doc.addField(FloorSchema.STACKS, s));
    Set<String> facets = new LinkedHashSet<>();
    for (Variant v : spec.variants()) {
      doc.addField(FloorSchema.VARIANTS, v.raw());
      v.normalized().forEach(n -> doc.addField(FloorSchema.VARIANTS, n));
      facets.addAll(v.normalized());
    }
    facets.forEach(f -> doc.addField(VARIANTS_FACET, f));
    doc.addField(SOURCE, new String(FloorSchema.json(page, spec), StandardCharsets.UTF_8));
    return doc;
  }

  private static void compiler(SolrInputDocument doc, Compiler c) {
    doc.addField(FloorSchema.COMPILER, c.raw());
    if (!c.normalized().equals(c.raw())) {
      doc.addField(FloorSchema.COMPILER, c.normalized());
    }
    doc.addField(COMPILER_FACET, c.normalized());
    doc.addField(FloorSchema.COMPILER_NAME, c.name());
    if (!c.version().isEmpty()) {
      doc.addField(FloorSchema.COMPILER_VERSION_KEY, SpackVersion.sortKey(c.version()));
    }
  }
}
