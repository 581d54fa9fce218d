package org.spack.cachesearch.ingest;

/**
 * One build cache of the catalogue: a release (a Spack tag such as {@code v1.0.0} or {@code
 * develop}), a stack, and the location of its index for {@link MirrorReader#read}.
 */
public record CatalogEntry(String release, String stack, String location) {
  public CatalogEntry {
    requireText(release, "release");
    requireText(stack, "stack");
    requireText(location, "location");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
