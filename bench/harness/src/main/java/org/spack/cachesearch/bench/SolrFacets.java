package org.spack.cachesearch.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;

/**
 * Solr's JSON facet requests and their answers as {@link Answer.Facet}s. JSON facets rather than
 * {@code facet.field}: only they report how many values a field has beyond the top {@code n}
 * ({@code numBuckets}), which the answers carry.
 */
final class SolrFacets {
  static final List<String> EIGHT =
      List.of(
          FloorSchema.PACKAGE,
          FloorSchema.TAG,
          FloorSchema.COMPILER,
          FloorSchema.OS,
          FloorSchema.PLATFORM,
          FloorSchema.TARGET,
          FloorSchema.STACKS,
          FloorSchema.VARIANTS);

  private SolrFacets() {}

  /**
   * The top {@code n} values of each dimension, by count then value; with {@code exclude}, each
   * counted without the filter tagged with its own name.
   */
  static String tops(List<String> dims, int n, boolean exclude) {
    StringBuilder json = new StringBuilder("{");
    for (String dim : dims) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(dim)
          .append(":{type:terms,field:")
          .append(SolrSchema.facetField(dim))
          .append(",limit:")
          .append(n)
          .append(",numBuckets:true");
      if (exclude) {
        json.append(",domain:{excludeTags:").append(dim).append('}');
      }
      json.append('}');
    }
    return json.append('}').toString();
  }

  /** Every value of {@code dim} that starts with {@code prefix}. */
  static String prefixed(String dim, String prefix) {
    return "{"
        + dim
        + ":{type:terms,field:"
        + SolrSchema.facetField(dim)
        + ",limit:-1,prefix:\""
        + prefix
        + "\"}}";
  }

  static List<Answer.Facet> read(QueryResponse r, List<String> dims) {
    List<Answer.Facet> out = new ArrayList<>(dims.size());
    for (String dim : dims) {
      BucketBasedJsonFacet f = facet(r, dim);
      if (f == null) {
        out.add(new Answer.Facet(dim, List.of(), 0));
      } else {
        List<Answer.Count> values = counts(f);
        out.add(new Answer.Facet(dim, values, (int) f.getNumBuckets() - values.size()));
      }
    }
    return out;
  }

  /** Every value returned, by count then value. */
  static Answer.Facet all(QueryResponse r, String dim) {
    BucketBasedJsonFacet f = facet(r, dim);
    List<Answer.Count> values = f == null ? new ArrayList<>() : counts(f);
    values.sort(FloorSearcher.ORDER);
    return new Answer.Facet(dim, values, 0);
  }

  private static BucketBasedJsonFacet facet(QueryResponse r, String dim) {
    NestableJsonFacet facets = r.getJsonFacetingResponse();
    return facets == null ? null : facets.getBucketBasedFacets(dim);
  }

  private static List<Answer.Count> counts(BucketBasedJsonFacet f) {
    List<Answer.Count> values = new ArrayList<>();
    for (BucketJsonFacet b : f.getBuckets()) {
      values.add(new Answer.Count(String.valueOf(b.getVal()), (int) b.getCount()));
    }
    return values;
  }
}
