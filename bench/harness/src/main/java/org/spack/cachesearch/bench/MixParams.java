package org.spack.cachesearch.bench;

import java.util.Map;
import java.util.Objects;

/**
 * The values the query mix asks about. The fixed ones are those of issue #15; the others are picked
 * from the data by {@link MixPicker}, so that any page tree gives a mix with matches.
 *
 * @param tag the tag of the first query and of {@code page}: {@code develop} when there is one
 * @param filters the multi-select query's filters, dimension to value (os, target, stacks)
 * @param pagePackage a package of {@code tag}: its specs, every field
 * @param hashPrefix 7 characters that start one hash only
 * @param range the spec-syntax query with a version range
 */
record MixParams(
    String tag,
    Map<String, String> filters,
    String pagePackage,
    String hashPrefix,
    VersionRange range) {
  /** The second query, as issue #15 writes it. */
  static final String WILDCARD = "compiler:gcc* AND target:aarch64";

  /** The compilers whose specs are walked by hash, 50 pages of 20: {@code compiler:gcc*}. */
  static final String WALK_PREFIX = "gcc";

  static final String WALK = "compiler:" + WALK_PREFIX + "*";

  static final int WALK_PAGES = 50;
  static final int PAGE_SIZE = 20;

  /** The values of the variants facet listed whole. */
  static final String VARIANT_PREFIX = "build_system=";

  /** The {@code compatibleWith} query: this variant on binaries that run on this CPU. */
  static final String CPU_VARIANT = "shared=true";

  static final String CPU_SPEC = "+shared";
  static final String CPU = "zen3";

  MixParams {
    Objects.requireNonNull(tag, "tag");
    filters = Map.copyOf(filters);
  }

  /**
   * {@code pkg@low:high %compiler@from:}: Spack's closed range, {@code high}'s extensions included.
   *
   * @param compilerName null for no compiler part
   * @param compilerFrom the compiler's lowest version; null for any
   */
  record VersionRange(
      String pkg, String low, String high, String compilerName, String compilerFrom) {
    String spec() {
      String spec = pkg + "@" + low + ":" + high;
      if (compilerName != null) {
        spec += " %" + compilerName + (compilerFrom == null ? "" : "@" + compilerFrom + ":");
      }
      return spec;
    }
  }
}
