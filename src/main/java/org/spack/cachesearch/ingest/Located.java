package org.spack.cachesearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed front-matter value and the file line where it starts. */
record Located(JsonNode node, int line) {}
