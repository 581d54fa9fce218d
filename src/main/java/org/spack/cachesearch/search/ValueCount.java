package org.spack.cachesearch.search;

/** A facet value and the number of specs with it. */
public record ValueCount(String value, int count) {}
