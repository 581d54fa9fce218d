package org.spack.cachesearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.ingest.Variant;
import org.spack.cachesearch.spack.SpackVersion;

/**
 * The one vocabulary of spec fields (over 200 lines: it is the table every other place derives
 * from, one entry per field): each constant names a field once, with its index field, its
 * filter-input name, whether it is a facet (the constant's name is the API's {@code FacetField}),
 * multi-valued or sortable, and how the CLI table shows it. The index layout, the query parser's
 * field list, the filter, the facets and the CLI columns all derive from it; {@code
 * schema.graphqls} is checked against it by a test.
 */
public enum SpecField {
  PACKAGE(
      field("package", h -> List.of(h.packageName()))
          .filter("package")
          .facet()
          .sortBy("package", SpecHit::packageName)
          .column(2, "PACKAGE", 24, SpecHit::packageName)),
  TAG(field("tag", h -> List.of(h.tag())).filter("tag").facet().column(7, "TAG", 0, SpecHit::tag)),
  HASH(
      field("hash", h -> List.of(h.hash()))
          .sortBy("hash", SpecHit::hash)
          .column(1, "HASH", 7, h -> h.hash().substring(0, 7))),
  /**
   * Raw ({@code gcc@=11.4.0}) and normalised ({@code gcc@11.4.0}) forms; the facet uses the latter.
   */
  COMPILER(
      field("compiler", h -> List.of(h.compiler().raw(), h.compiler().normalized()))
          .facetValues(h -> List.of(h.compiler().normalized()))
          .filter("compiler")
          .facet()
          .sortBy("_compilerSort", h -> h.compiler().normalized())
          .column(4, "COMPILER", 20, h -> h.compiler().normalized())),
  COMPILER_NAME(
      field("compilerName", h -> List.of(h.compiler().name())).filter("compilerName").facet()),
  COMPILER_VERSION(
      field(
              "compilerVersion",
              h -> h.compiler().version().isEmpty() ? List.of() : List.of(h.compiler().version()))
          .versionKeys("_compilerVersionKey")),
  /** Sorted by the spec's highest version in Spack's order. */
  VERSION(
      field("versions", SpecHit::versions)
          .versionKeys("_versionKey")
          .filter("version")
          .facet()
          .multiValued()
          .sortByHighestVersionKey("_versionSort")
          .column(3, "VERSION", 12, h -> String.join(",", h.versions()))),
  OS(field("os", h -> List.of(h.os())).filter("os").facet().column(5, "OS", 14, SpecHit::os)),
  PLATFORM(field("platform", h -> List.of(h.platform())).filter("platform").facet()),
  TARGET(
      field("target", h -> List.of(h.target()))
          .filter("target")
          .facet()
          .column(6, "TARGET", 12, SpecHit::target)),
  ARCH(field("arch", h -> List.of(h.arch())).facet()),
  STACK(field("stacks", SpecHit::stacks).filter("stack").facet().multiValued()),
  /**
   * Raw ({@code +shared}) and {@code name=value} ({@code shared=true}) forms; facets use the
   * latter.
   */
  VARIANT(
      field("variants", SpecField::variantTerms)
          .facetValues(SpecField::normalizedVariants)
          .filter("variant")
          .facet()
          .multiValued()),
  /**
   * Every dependency below a binary, direct or not, by name: what {@code ^name} matches (from a
   * build-cache index; pages record none). Not among the catch-all's words: a bare {@code zlib}
   * finds zlib, not everything that links it.
   */
  DEPENDENCY(
      field("dependencies", h -> names(h.spec().closure()))
          .filter("dependency")
          .facet()
          .multiValued()
          .notInText()),
  /** Direct dependencies by name: what Spack 1.0's {@code %name} means. */
  DIRECT_DEPENDENCY(field("directDependencies", h -> names(h.dependencies())).notInText()),
  /** What the direct dependencies provide, as {@code virtual=provider}: {@code mpi=openmpi}. */
  VIRTUAL(
      field("virtuals", SpecField::virtuals).filter("virtual").facet().multiValued().notInText()),
  /** Bytes: numeric (points and doc values), absent where the page says "-". */
  SIZE(numeric("size", h -> h.spec().size())),
  /** Catch-all for bare words: every value of the fields above, whole and split into words. */
  TEXT(field("text", h -> List.of()));

  private final Definition def;

  SpecField(Definition def) {
    this.def = def;
  }

  /** The Lucene field that holds it, also the name a query uses ({@code compiler:gcc*}). */
  public String indexField() {
    return def.indexField;
  }

  /** The {@code SpecFilter} input name, or empty when it cannot be filtered on. */
  public Optional<String> filterName() {
    return Optional.ofNullable(def.filterName);
  }

  public boolean isFacet() {
    return def.facet;
  }

  public boolean isMultiValued() {
    return def.multiValued;
  }

  /** Numeric fields take numbers and ranges in queries ({@code size:[1000 TO *]}). */
  public boolean isNumeric() {
    return def.number != null;
  }

  /**
   * The keyword field that holds each value's {@link SpackVersion#sortKey}, so that version ranges
   * in Spack's order are term ranges; empty for fields that are not versions.
   */
  public Optional<String> versionKeyField() {
    return Optional.ofNullable(def.versionKeyField);
  }

  /** The doc-values field that sorts by it, or empty. */
  public Optional<String> sortField() {
    return Optional.ofNullable(def.sortField);
  }

  /** Its column in the CLI table, or empty when the table does not show it. */
  public Optional<Column> column() {
    return Optional.ofNullable(def.column);
  }

  /** Whether the catch-all {@code text} field holds its values as words. */
  boolean isInText() {
    return def.inText;
  }

  /** The keyword terms a spec is found by. */
  List<String> values(SpecHit hit) {
    return def.values.apply(hit);
  }

  /** The values a facet counts, each once. */
  List<String> facetValues(SpecHit hit) {
    List<String> values = def.facetValues.apply(hit);
    return values.size() < 2 ? values : values.stream().distinct().toList();
  }

  /** The number of a numeric field, when the spec has one. */
  Optional<Long> number(SpecHit hit) {
    return Optional.ofNullable(def.number.apply(hit));
  }

  /** The sort value, when the spec has one and it is not {@link #sortsByHighestVersionKey}. */
  Optional<String> sortValue(SpecHit hit) {
    return Optional.ofNullable(def.sortValue.apply(hit));
  }

  /**
   * Whether it sorts by the highest of its values' version keys, which the index computes anyway
   * (once per distinct version) for {@link #versionKeyField}.
   */
  boolean sortsByHighestVersionKey() {
    return def.sortByHighestVersionKey;
  }

  /** Fields whose filter name is {@code name}. */
  private static final Map<String, SpecField> BY_FILTER_NAME =
      Stream.of(values())
          .filter(f -> f.def.filterName != null)
          .collect(Collectors.toUnmodifiableMap(f -> f.def.filterName, f -> f));

  /** The field a {@code SpecFilter} input names. */
  public static Optional<SpecField> byFilterName(String name) {
    return Optional.ofNullable(BY_FILTER_NAME.get(name));
  }

  /** Facet fields, in vocabulary order. */
  public static List<SpecField> facets() {
    return Stream.of(values()).filter(SpecField::isFacet).toList();
  }

  /** CLI table columns, left to right. */
  public static List<SpecField> columns() {
    return Stream.of(values())
        .filter(f -> f.def.column != null)
        .sorted((a, b) -> Integer.compare(a.def.column.position(), b.def.column.position()))
        .toList();
  }

  /**
   * A column of the CLI table.
   *
   * @param width padded to this many characters; 0 for the last column, not padded
   */
  public record Column(int position, String header, int width, Function<SpecHit, String> shown) {}

  private static List<String> names(List<Dependency> dependencies) {
    return dependencies.stream().map(Dependency::name).distinct().toList();
  }

  private static List<String> virtuals(SpecHit hit) {
    return hit.dependencies().stream()
        .flatMap(d -> d.virtuals().stream().map(v -> v + "=" + d.name()))
        .distinct()
        .toList();
  }

  // Loops rather than streams here and below: these run for every spec of an ingest.
  private static List<String> variantTerms(SpecHit hit) {
    List<String> terms = new ArrayList<>(hit.variants().size() * 2);
    for (Variant v : hit.variants()) {
      terms.add(v.raw());
      terms.addAll(v.normalized());
    }
    return terms;
  }

  private static List<String> normalizedVariants(SpecHit hit) {
    List<String> terms = new ArrayList<>(hit.variants().size());
    for (Variant v : hit.variants()) {
      terms.addAll(v.normalized());
    }
    return terms;
  }

  private static Definition field(String indexField, Function<SpecHit, List<String>> values) {
    return new Definition(indexField, values);
  }

  private static Definition numeric(String indexField, Function<SpecHit, Long> number) {
    Definition d = new Definition(indexField, h -> List.of());
    d.number = number;
    return d;
  }

  /** A field's definition, written as a chain of what it is. */
  private static final class Definition {
    final String indexField;
    final Function<SpecHit, List<String>> values;
    Function<SpecHit, List<String>> facetValues;
    String filterName;
    boolean facet;
    boolean multiValued;
    Function<SpecHit, Long> number;
    String sortField;
    String versionKeyField;
    boolean inText = true;
    Function<SpecHit, String> sortValue = h -> null;
    boolean sortByHighestVersionKey;
    Column column;

    Definition(String indexField, Function<SpecHit, List<String>> values) {
      this.indexField = indexField;
      this.values = values;
      this.facetValues = values;
    }

    Definition filter(String name) {
      filterName = name;
      return this;
    }

    Definition facet() {
      facet = true;
      return this;
    }

    Definition facetValues(Function<SpecHit, List<String>> f) {
      facetValues = f;
      return this;
    }

    Definition versionKeys(String field) {
      versionKeyField = field;
      return this;
    }

    Definition notInText() {
      inText = false;
      return this;
    }

    Definition multiValued() {
      multiValued = true;
      return this;
    }

    Definition sortByHighestVersionKey(String field) {
      sortField = field;
      sortByHighestVersionKey = true;
      return this;
    }

    Definition sortBy(String field, Function<SpecHit, String> value) {
      sortField = field;
      sortValue = value;
      return this;
    }

    Definition column(int position, String header, int width, Function<SpecHit, String> shown) {
      column = new Column(position, header, width, shown);
      return this;
    }
  }
}
