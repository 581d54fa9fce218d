package org.spack.cachesearch.bench;

import static org.spack.cachesearch.bench.FloorSearcher.unchecked;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * The mix on the floor index with plain Lucene: {@link FloorQueries}' queries, hits and facets
 * collected in one pass, {@link DrillSideways} for multi-select, no caches of its own.
 */
final class FloorMix implements QueryMix {
  private static final List<String> EIGHT =
      List.of(
          FloorSchema.PACKAGE,
          FloorSchema.TAG,
          FloorSchema.COMPILER,
          FloorSchema.OS,
          FloorSchema.PLATFORM,
          FloorSchema.TARGET,
          FloorSchema.STACKS,
          FloorSchema.VARIANTS);

  private final FloorSearcher floor;
  private final MixParams p;

  FloorMix(FloorSearcher floor, MixParams p) {
    this.floor = floor;
    this.p = p;
  }

  @Override
  public String name() {
    return "floor";
  }

  @Override
  public Answer tagPage() {
    var q = FloorQueries.drillDown(floor.config(), List.of(Map.entry(FloorSchema.TAG, p.tag())));
    return unchecked(
        () -> {
          DrillSideways.DrillSidewaysResult r =
              floor
                  .sideways()
                  .search(q, null, null, MixParams.PAGE_SIZE, FloorSchema.BY_PACKAGE, false);
          return new Answer(
              (int) r.hits.totalHits.value,
              floor.load(r.hits.scoreDocs),
              tops(r.facets, EIGHT, 10));
        });
  }

  @Override
  public Answer wildcardPage() {
    return unchecked(
        () -> {
          FloorSearcher.Collected r =
              floor.topAndFacets(
                  FloorQueries.wildcard(), MixParams.PAGE_SIZE, FloorSchema.BY_SCORE);
          return new Answer(
              (int) r.top().totalHits.value,
              floor.load(r.top().scoreDocs),
              tops(r.facets(), EIGHT, 10));
        });
  }

  @Override
  public Answer multiSelect() {
    List<Map.Entry<String, String>> filters = MixPicker.filterOrder(p.filters());
    List<String> dims = filters.stream().map(Map.Entry::getKey).toList();
    var q = FloorQueries.drillDown(floor.config(), filters);
    return unchecked(
        () -> {
          Facets facets = floor.sideways().search(q, new TotalHitCountCollectorManager()).facets;
          return new Answer(null, List.of(), tops(facets, dims, 10));
        });
  }

  @Override
  public Answer packageSpecs() {
    return page(FloorQueries.page(p.pagePackage(), p.tag()), 100);
  }

  @Override
  public Answer hashPrefix() {
    Query q = FloorQueries.hashPrefix(p.hashPrefix());
    return unchecked(
        () -> {
          ScoreDoc[] hits = floor.searcher().search(q, 1000, FloorSchema.BY_HASH).scoreDocs;
          if (hits.length == 0) {
            return new Answer(null, List.of(), List.of());
          }
          if (!sortValue(hits[0], 0).equals(sortValue(hits[hits.length - 1], 0))) {
            throw new IllegalStateException("hash prefix " + p.hashPrefix() + " is ambiguous");
          }
          // The sort values carry each hit's tag/hash: choose without loading, load the one.
          ScoreDoc chosen =
              List.of(hits).stream()
                  .max(
                      Comparator.comparing((ScoreDoc h) -> tagOf(h).equals("develop"))
                          .thenComparing(FloorMix::tagOf))
                  .orElseThrow();
          return new Answer(null, floor.load(new ScoreDoc[] {chosen}), List.of());
        });
  }

  private static String sortValue(ScoreDoc hit, int i) {
    return ((BytesRef) ((FieldDoc) hit).fields[i]).utf8ToString();
  }

  private static String tagOf(ScoreDoc hit) {
    String id = sortValue(hit, 1);
    return id.substring(0, id.lastIndexOf('/'));
  }

  @Override
  public Answer hashWalk() {
    Query q = FloorQueries.walk();
    return unchecked(
        () -> {
          List<String> ids = new ArrayList<>();
          FieldDoc after = null;
          for (int i = 0; i < MixParams.WALK_PAGES; i++) {
            TopDocs top =
                floor.searcher().searchAfter(after, q, MixParams.PAGE_SIZE, FloorSchema.BY_HASH);
            ids.addAll(floor.load(top.scoreDocs));
            if (top.scoreDocs.length < MixParams.PAGE_SIZE) {
              break;
            }
            after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
          }
          return new Answer(null, ids, List.of());
        });
  }

  @Override
  public Answer variantValues() {
    return unchecked(
        () ->
            new Answer(
                null,
                List.of(),
                List.of(
                    FloorSearcher.all(
                        floor.countsOfAll(),
                        FloorSchema.VARIANTS,
                        v -> v.startsWith(MixParams.VARIANT_PREFIX)))));
  }

  @Override
  public Answer versionRange() {
    return page(FloorQueries.versionRange(p.range()), MixParams.PAGE_SIZE);
  }

  @Override
  public Answer compatible() {
    Query q = FloorQueries.compatible();
    List<String> dims = List.of(FloorSchema.TARGET, FloorSchema.PACKAGE);
    return unchecked(() -> new Answer(null, List.of(), tops(floor.counts(q), dims, 10)));
  }

  /** The first {@code n} by package, every stored field read, with the total. */
  private Answer page(Query q, int n) {
    return unchecked(
        () -> {
          TopFieldDocs top = floor.top(q, n, FloorSchema.BY_PACKAGE);
          return new Answer((int) top.totalHits.value, floor.load(top.scoreDocs), List.of());
        });
  }

  private static List<Answer.Facet> tops(Facets facets, List<String> dims, int n)
      throws IOException {
    List<Answer.Facet> out = new ArrayList<>();
    for (String dim : dims) {
      out.add(FloorSearcher.top(facets, dim, n));
    }
    return out;
  }
}
