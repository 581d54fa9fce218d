package org.spack.cachesearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spack.cachesearch.index.SpecField;

/**
 * Exact values per field: a spec matches when, for every field given, it has one of the values (OR
 * within a field, AND across fields). Fields with no values are left out.
 */
public record SpecFilter(Map<SpecField, List<String>> values) {
  public static final SpecFilter NONE = new SpecFilter(Map.of());

  public SpecFilter {
    Map<SpecField, List<String>> copy = new LinkedHashMap<>();
    values.forEach(
        (field, list) -> {
          if (field.filterName().isEmpty()) {
            throw new IllegalArgumentException(field + " cannot be filtered on");
          }
          if (list != null && !list.isEmpty()) {
            copy.put(field, List.copyOf(list));
          }
        });
    values = Map.copyOf(copy);
  }

  /** One field's values. */
  public static SpecFilter of(SpecField field, String... values) {
    return new SpecFilter(Map.of(field, List.of(values)));
  }

  /** From the API's input, keyed by {@link SpecField#filterName}; null means no filter. */
  public static SpecFilter fromApi(Map<String, ? extends List<String>> input) {
    if (input == null) {
      return NONE;
    }
    Map<SpecField, List<String>> values = new LinkedHashMap<>();
    input.forEach(
        (name, list) ->
            values.put(
                SpecField.byFilterName(name)
                    .orElseThrow(
                        () ->
                            new SearchException(
                                SearchException.Kind.BAD_ARGUMENT,
                                "unknown filter field '" + name + "'")),
                list));
    return new SpecFilter(values);
  }
}
