package org.spack.cachesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.spack.cachesearch.spack.Microarchitectures;

/**
 * The mix on the Solr core, one {@code /select} request per query (a walk is 50, by {@code
 * cursorMark}): filters as {@code fq}, multi-select by {@code {!tag}} and the JSON facets' {@code
 * excludeTags}, every returned spec's stored JSON read whole.
 */
final class SolrMix implements QueryMix {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MATCH_ALL = "*:*";

  private final SolrClient solr;
  private final MixParams p;
  private final List<String> compatibleTargets =
      List.copyOf(Microarchitectures.load().compatibleTargets(MixParams.CPU));

  SolrMix(SolrClient solr, MixParams p) {
    this.solr = solr;
    this.p = p;
  }

  @Override
  public String name() {
    return "solr";
  }

  @Override
  public Answer tagPage() {
    SolrQuery q = byPackage(new SolrQuery(MATCH_ALL), MixParams.PAGE_SIZE);
    q.addFilterQuery(SolrFilters.tagged(FloorSchema.TAG, p.tag()));
    return withFacets(q, SolrFacets.tops(SolrFacets.EIGHT, 10, true));
  }

  @Override
  public Answer wildcardPage() {
    SolrQuery q = page(new SolrQuery(MixParams.WILDCARD), MixParams.PAGE_SIZE);
    q.addSort("score", SolrQuery.ORDER.desc).addSort(SolrSchema.ID, SolrQuery.ORDER.asc);
    return withFacets(q, SolrFacets.tops(SolrFacets.EIGHT, 10, false));
  }

  @Override
  public Answer multiSelect() {
    List<String> dims = new ArrayList<>();
    SolrQuery q = new SolrQuery(MATCH_ALL).setRows(0);
    for (Map.Entry<String, String> f : MixPicker.filterOrder(p.filters())) {
      q.addFilterQuery(SolrFilters.tagged(f.getKey(), f.getValue()));
      dims.add(f.getKey());
    }
    q.add("json.facet", SolrFacets.tops(dims, 10, true));
    return new Answer(null, List.of(), SolrFacets.read(ask(q), dims));
  }

  @Override
  public Answer packageSpecs() {
    SolrQuery q = byPackage(new SolrQuery(MATCH_ALL), 100);
    q.addFilterQuery(
        SolrFilters.term(FloorSchema.PACKAGE, p.pagePackage()),
        SolrFilters.term(FloorSchema.TAG, p.tag()));
    return counted(ask(q));
  }

  @Override
  public Answer hashPrefix() {
    SolrQuery q = page(new SolrQuery("{!prefix f=hash}" + p.hashPrefix()), 1000);
    q.addSort(FloorSchema.HASH, SolrQuery.ORDER.asc).addSort(SolrSchema.ID, SolrQuery.ORDER.asc);
    List<JsonNode> hits = new ArrayList<>();
    for (SolrDocument d : ask(q).getResults()) {
      hits.add(source(d));
    }
    if (hits.isEmpty()) {
      return new Answer(null, List.of(), List.of());
    }
    if (hits.stream().map(SolrMix::id).map(SolrMix::hashOf).distinct().count() > 1) {
      throw new IllegalStateException("hash prefix " + p.hashPrefix() + " is ambiguous");
    }
    JsonNode chosen =
        hits.stream()
            .max(
                Comparator.comparing((JsonNode h) -> h.get("tag").asText().equals("develop"))
                    .thenComparing(h -> h.get("tag").asText()))
            .orElseThrow();
    return new Answer(null, List.of(id(chosen)), List.of());
  }

  @Override
  public Answer hashWalk() {
    SolrQuery q = page(new SolrQuery("{!prefix f=compiler}" + MixParams.WALK_PREFIX), 20);
    // A cursor needs the unique key last; it only orders a spec listed by two pages of a tag.
    q.addSort(FloorSchema.HASH, SolrQuery.ORDER.asc)
        .addSort(SolrSchema.ID, SolrQuery.ORDER.asc)
        .addSort(SolrSchema.KEY, SolrQuery.ORDER.asc);
    List<String> ids = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    for (int i = 0; i < MixParams.WALK_PAGES; i++) {
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = ask(q);
      r.getResults().forEach(d -> ids.add(id(source(d))));
      if (r.getResults().size() < MixParams.PAGE_SIZE) {
        break;
      }
      cursor = r.getNextCursorMark();
    }
    return new Answer(null, ids, List.of());
  }

  @Override
  public Answer variantValues() {
    SolrQuery q = new SolrQuery(MATCH_ALL).setRows(0);
    q.add("json.facet", SolrFacets.prefixed(FloorSchema.VARIANTS, MixParams.VARIANT_PREFIX));
    return new Answer(null, List.of(), List.of(SolrFacets.all(ask(q), FloorSchema.VARIANTS)));
  }

  @Override
  public Answer versionRange() {
    SolrQuery q = byPackage(new SolrQuery(MATCH_ALL), MixParams.PAGE_SIZE);
    SolrFilters.versionRange(p.range()).forEach(q::addFilterQuery);
    return counted(ask(q));
  }

  @Override
  public Answer compatible() {
    SolrQuery q = new SolrQuery(MATCH_ALL).setRows(0);
    q.addFilterQuery(SolrFilters.term(FloorSchema.VARIANTS, MixParams.CPU_VARIANT));
    q.addFilterQuery(SolrFilters.terms(FloorSchema.TARGET, compatibleTargets));
    List<String> dims = List.of(FloorSchema.TARGET, FloorSchema.PACKAGE);
    q.add("json.facet", SolrFacets.tops(dims, 10, false));
    return new Answer(null, List.of(), SolrFacets.read(ask(q), dims));
  }

  private Answer withFacets(SolrQuery q, String facets) {
    q.add("json.facet", facets);
    QueryResponse r = ask(q);
    return new Answer(
        (int) r.getResults().getNumFound(), ids(r), SolrFacets.read(r, SolrFacets.EIGHT));
  }

  private static Answer counted(QueryResponse r) {
    return new Answer((int) r.getResults().getNumFound(), ids(r), List.of());
  }

  /** Returns {@code n} rows of the stored JSON, the total counted exactly. */
  private static SolrQuery page(SolrQuery q, int n) {
    return q.setRows(n).setFields(SolrSchema.SOURCE);
  }

  private static SolrQuery byPackage(SolrQuery q, int n) {
    return page(q, n)
        .addSort(FloorSchema.PACKAGE, SolrQuery.ORDER.asc)
        .addSort(SolrSchema.ID, SolrQuery.ORDER.asc);
  }

  private QueryResponse ask(SolrQuery q) {
    try {
      return solr.query(q);
    } catch (SolrServerException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> ids(QueryResponse r) {
    List<String> ids = new ArrayList<>(r.getResults().size());
    r.getResults().forEach(d -> ids.add(id(source(d))));
    return ids;
  }

  private static JsonNode source(SolrDocument d) {
    try {
      return JSON.readTree((String) d.getFirstValue(SolrSchema.SOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id(JsonNode spec) {
    return spec.get("tag").asText() + "/" + spec.get("spec").get("hash").asText();
  }

  private static String hashOf(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }
}
