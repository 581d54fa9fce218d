package org.spack.cachesearch.ingest;

import java.util.Objects;

/**
 * The compiler a spec was built with: {@code gcc@=11.4.0} (older pages), {@code gcc@11.4.0} (newer)
 * or {@code none} (Spack 1.0, where compilers are dependencies).
 *
 * @param raw the string as the page spells it
 * @param name compiler name, e.g. {@code gcc}, {@code apple-clang}, {@code none}
 * @param version the version without Spack's {@code =} (exact) marker; empty when there is none
 */
public record Compiler(String raw, String name, String version) {

  public Compiler {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  public static Compiler parse(String raw) {
    int at = raw.indexOf('@');
    if (at < 0) {
      return new Compiler(raw, raw, "");
    }
    String version = raw.substring(at + 1);
    if (version.startsWith("=")) {
      version = version.substring(1);
    }
    return new Compiler(raw, raw.substring(0, at), version);
  }

  /**
   * {@code name@version} without the {@code =}: the one spelling for facets, so that the same
   * compiler from pages of different eras counts as one value.
   */
  public String normalized() {
    return version.isEmpty() ? name : name + "@" + version;
  }
}
