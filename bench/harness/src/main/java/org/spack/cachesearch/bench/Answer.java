package org.spack.cachesearch.bench;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one query of the mix answered, in a form every contender can give: the total when the query
 * counts one, the documents returned ({@code tag/hash}, in order) and the facet counts. Two
 * contenders agree when their answers are equal.
 *
 * @param total every match; null when the query does not count them
 */
record Answer(Integer total, List<String> ids, List<Facet> facets) {
  Answer {
    ids = List.copyOf(ids);
    facets = List.copyOf(facets);
  }

  /** One dimension's values, by count then value, and how many more values it has. */
  record Facet(String dim, List<Count> values, int others) {
    Facet {
      values = List.copyOf(values);
    }
  }

  /** A value and its count. */
  record Count(String value, int count) {}

  /** Where this answer first differs from {@code other}, in words; empty when they are equal. */
  Optional<String> difference(Answer other) {
    if (!Objects.equals(total, other.total)) {
      return Optional.of("total " + total + " vs " + other.total);
    }
    if (!ids.equals(other.ids)) {
      int i = 0;
      while (i < Math.min(ids.size(), other.ids.size()) && ids.get(i).equals(other.ids.get(i))) {
        i++;
      }
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%d vs %d ids, first difference at %d: %s vs %s",
              ids.size(),
              other.ids.size(),
              i,
              at(ids, i),
              at(other.ids, i)));
    }
    if (!facets.equals(other.facets)) {
      for (int i = 0; i < Math.max(facets.size(), other.facets.size()); i++) {
        Facet mine = at(facets, i);
        Facet theirs = at(other.facets, i);
        if (!Objects.equals(mine, theirs)) {
          return Optional.of("facet " + mine + "\n   vs " + theirs);
        }
      }
    }
    return Optional.empty();
  }

  private static <T> T at(List<T> list, int i) {
    return i < list.size() ? list.get(i) : null;
  }

  /** A short account: the total, how many ids, how many values each facet shows. */
  String summary() {
    StringBuilder s = new StringBuilder();
    if (total != null) {
      s.append(String.format(Locale.ROOT, "total %,d, ", total));
    }
    s.append(ids.size()).append(" ids");
    facets.forEach(f -> s.append(", ").append(f.dim()).append(' ').append(f.values().size()));
    return s.toString();
  }
}
