package org.spack.cachesearch.search;

import java.time.OffsetDateTime;
import java.util.List;

/** The size and provenance of one index generation. */
public record IndexStats(
    long numSpecs,
    int numPackages,
    int numTags,
    long indexSizeBytes,
    OffsetDateTime builtAt,
    List<String> builtFrom,
    int schemaVersion) {}
