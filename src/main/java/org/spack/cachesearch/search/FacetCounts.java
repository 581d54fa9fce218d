package org.spack.cachesearch.search;

import java.util.List;
import org.spack.cachesearch.index.SpecField;

/** One field's top values, by count then value, and how many other values were left out. */
public record FacetCounts(SpecField field, List<ValueCount> values, int otherCount) {
  public FacetCounts {
    values = List.copyOf(values);
  }
}
