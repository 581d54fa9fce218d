package org.spack.cachesearch.search;

import java.util.List;

/**
 * One page of results with the cursor after each item, in the shape of a Relay connection.
 *
 * @param totalCount every match on all pages; null when the request did not ask for it
 */
public record ResultPage<T>(
    List<Edge<T>> edges, boolean hasNext, boolean hasPrevious, Integer totalCount) {
  public ResultPage {
    edges = List.copyOf(edges);
  }

  /** An item and the cursor that continues after it. */
  public record Edge<T>(String cursor, T node) {}

  /** Where the page is. */
  public record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  public List<T> nodes() {
    return edges.stream().map(Edge::node).toList();
  }

  public PageInfo pageInfo() {
    return new PageInfo(
        hasNext,
        hasPrevious,
        edges.isEmpty() ? null : edges.get(0).cursor(),
        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
  }
}
