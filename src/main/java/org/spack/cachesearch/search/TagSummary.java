package org.spack.cachesearch.search;

import java.util.List;

/** A build-cache tag and what it holds. */
public record TagSummary(String name, int numPackages, int numSpecs, List<String> stacks) {}
