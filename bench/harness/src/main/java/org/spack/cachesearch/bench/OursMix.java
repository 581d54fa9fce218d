package org.spack.cachesearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.spack.cachesearch.index.SpecField;
import org.spack.cachesearch.index.SpecHit;
import org.spack.cachesearch.search.FacetCounts;
import org.spack.cachesearch.search.IndexView;
import org.spack.cachesearch.search.Requests.FacetRequest;
import org.spack.cachesearch.search.Requests.SpecRequest;
import org.spack.cachesearch.search.ResultPage;
import org.spack.cachesearch.search.SearchIndex;
import org.spack.cachesearch.search.Selection;
import org.spack.cachesearch.search.SortOrder;
import org.spack.cachesearch.search.SpecFilter;

/**
 * The mix through ours' entrance, {@link IndexView}, as the GraphQL fetchers call it: one view per
 * request (its acquire and release timed with it), the same request records.
 */
final class OursMix implements QueryMix {
  private static final List<SpecField> EIGHT =
      List.of(
          SpecField.PACKAGE,
          SpecField.TAG,
          SpecField.COMPILER,
          SpecField.OS,
          SpecField.PLATFORM,
          SpecField.TARGET,
          SpecField.STACK,
          SpecField.VARIANT);

  private final SearchIndex index;
  private final MixParams p;

  OursMix(SearchIndex index, MixParams p) {
    this.index = index;
    this.p = p;
  }

  @Override
  public String name() {
    return "ours";
  }

  @Override
  public Answer tagPage() {
    return pageAndFacets(Selection.of(null, SpecFilter.of(SpecField.TAG, p.tag())));
  }

  @Override
  public Answer wildcardPage() {
    return pageAndFacets(Selection.of(MixParams.WILDCARD, SpecFilter.NONE));
  }

  private Answer pageAndFacets(Selection s) {
    return inView(
        v -> {
          ResultPage<SpecHit> page =
              v.search(new SpecRequest(s, MixParams.PAGE_SIZE, null, null, true));
          List<FacetCounts> facets = v.facets(new FacetRequest(s, EIGHT, 10, null));
          return new Answer(page.totalCount(), ids(page), facets(facets));
        });
  }

  @Override
  public Answer multiSelect() {
    Map<SpecField, List<String>> filter = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : MixPicker.filterOrder(p.filters())) {
      filter.put(field(f.getKey()), List.of(f.getValue()));
    }
    Selection s = Selection.of(null, new SpecFilter(filter));
    List<SpecField> fields = List.copyOf(filter.keySet());
    return inView(
        v -> new Answer(null, List.of(), facets(v.facets(new FacetRequest(s, fields, 10, null)))));
  }

  @Override
  public Answer packageSpecs() {
    return page(Selection.ALL.within(p.pagePackage(), p.tag()), 100);
  }

  @Override
  public Answer hashPrefix() {
    return inView(
        v ->
            new Answer(
                null,
                v.spec(p.hashPrefix(), null).map(h -> List.of(id(h))).orElse(List.of()),
                List.of()));
  }

  @Override
  public Answer hashWalk() {
    Selection s = Selection.of(MixParams.WALK, SpecFilter.NONE);
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int i = 0; i < MixParams.WALK_PAGES; i++) {
      String cursor = after;
      ResultPage<SpecHit> page =
          inView(
              v ->
                  v.search(new SpecRequest(s, MixParams.PAGE_SIZE, cursor, SortOrder.HASH, false)));
      ids.addAll(ids(page));
      if (!page.hasNext()) {
        break;
      }
      after = page.pageInfo().endCursor();
    }
    return new Answer(null, ids, List.of());
  }

  @Override
  public Answer variantValues() {
    FacetRequest r =
        new FacetRequest(Selection.ALL, List.of(SpecField.VARIANT), 1000, MixParams.VARIANT_PREFIX);
    return inView(v -> new Answer(null, List.of(), facets(v.facets(r))));
  }

  @Override
  public Answer versionRange() {
    return page(Selection.ALL.with(p.range().spec(), null), MixParams.PAGE_SIZE);
  }

  @Override
  public Answer compatible() {
    Selection s = Selection.ALL.with(MixParams.CPU_SPEC, MixParams.CPU);
    FacetRequest r = new FacetRequest(s, List.of(SpecField.TARGET, SpecField.PACKAGE), 10, null);
    return inView(v -> new Answer(null, List.of(), facets(v.facets(r))));
  }

  private Answer page(Selection s, int first) {
    return inView(
        v -> {
          ResultPage<SpecHit> page = v.search(new SpecRequest(s, first, null, null, true));
          return new Answer(page.totalCount(), ids(page), List.of());
        });
  }

  private <T> T inView(Function<IndexView, T> request) {
    try (IndexView view = index.acquire()) {
      return request.apply(view);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> ids(ResultPage<SpecHit> page) {
    return page.nodes().stream().map(OursMix::id).toList();
  }

  private static String id(SpecHit h) {
    return h.tag() + "/" + h.hash();
  }

  private static List<Answer.Facet> facets(List<FacetCounts> counts) {
    return counts.stream()
        .map(
            c ->
                new Answer.Facet(
                    c.field().indexField(),
                    c.values().stream().map(v -> new Answer.Count(v.value(), v.count())).toList(),
                    c.otherCount()))
        .toList();
  }

  private static SpecField field(String indexField) {
    return Stream.of(SpecField.values())
        .filter(f -> f.indexField().equals(indexField))
        .findFirst()
        .orElseThrow();
  }
}
