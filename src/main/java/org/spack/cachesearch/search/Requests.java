package org.spack.cachesearch.search;

import java.util.List;
import org.spack.cachesearch.index.SpecField;

/** What the entrance's methods take: one record per kind of request, each with a selection. */
public final class Requests {
  private Requests() {}

  /**
   * A page of specs.
   *
   * @param sort null for the default: relevance with a query, package without
   * @param countTotal whether to count every match (a pass over them)
   */
  public record SpecRequest(
      Selection selection, int first, String after, SortOrder sort, boolean countTotal) {
    public SpecRequest {
      selection = selection == null ? Selection.ALL : selection;
    }
  }

  /**
   * Value counts of some fields.
   *
   * @param prefix only values starting with it; null for all
   * @param contains only values containing it; null for all
   */
  public record FacetRequest(
      Selection selection, List<SpecField> fields, int limit, String prefix, String contains) {
    public FacetRequest {
      selection = selection == null ? Selection.ALL : selection;
      fields = List.copyOf(fields);
    }

    public FacetRequest(Selection selection, List<SpecField> fields, int limit, String prefix) {
      this(selection, fields, limit, prefix, null);
    }
  }

  /** A page of (package, tag) rows. */
  public record PackageRequest(Selection selection, int first, String after, PackageOrder order) {
    public PackageRequest {
      selection = selection == null ? Selection.ALL : selection;
      order = order == null ? PackageOrder.NAME : order;
    }
  }

  /** Row orders of {@link PackageRequest}. */
  public enum PackageOrder {
    NAME,
    SPECS
  }
}
