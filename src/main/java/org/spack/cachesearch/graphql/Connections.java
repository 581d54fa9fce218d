package org.spack.cachesearch.graphql;

import java.util.List;

/** Relay connection shapes that the schema's connection types read. */
final class Connections {
  private Connections() {}

  /** A page of items; {@code totalCount} is null when the query did not ask for it. */
  record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {
    Connection {
      edges = List.copyOf(edges);
    }

    public List<T> nodes() {
      return edges.stream().map(Edge::node).toList();
    }
  }

  /** An item and the cursor after it. */
  record Edge<T>(String cursor, T node) {}

  /** Relay page information. */
  record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    static <T> PageInfo of(List<Edge<T>> edges, boolean hasNext, boolean hasPrevious) {
      return new PageInfo(
          hasNext,
          hasPrevious,
          edges.isEmpty() ? null : edges.get(0).cursor(),
          edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    }
  }
}
