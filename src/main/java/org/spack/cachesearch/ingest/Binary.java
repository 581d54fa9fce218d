package org.spack.cachesearch.ingest;

import java.util.Objects;

/** One binary of a build-cache index: the package it is of and the spec that describes it. */
public record Binary(String name, Spec spec) {
  public Binary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
  }
}
