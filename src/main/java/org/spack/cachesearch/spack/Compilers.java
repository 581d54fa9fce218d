package org.spack.cachesearch.spack;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which names after {@code %} are compilers, and their two spellings: since Spack 1.0 compilers are
 * packages ({@code llvm}, {@code intel-oneapi-compilers}) where older specs wrote {@code clang},
 * {@code oneapi} (spack/aliases.py: {@code LEGACY_COMPILER_TO_BUILTIN}). A spec of either era
 * matches a constraint in either spelling.
 */
public final class Compilers {
  /** Legacy name to package name, as spack/aliases.py maps them. */
  private static final Map<String, String> LEGACY_TO_PACKAGE =
      Map.of(
          "clang", "llvm",
          "oneapi", "intel-oneapi-compilers",
          "rocmcc", "llvm-amdgpu",
          "intel", "intel-oneapi-compiler-classic",
          "arm", "acfl");

  /**
   * Compiler packages of Spack's builtin repository that provide {@code c}, {@code cxx} or {@code
   * fortran}, with the legacy names above: what may follow {@code %} as a compiler.
   */
  private static final Set<String> NAMES =
      Set.of(
          "gcc",
          "llvm",
          "clang",
          "apple-clang",
          "intel-oneapi-compilers",
          "oneapi",
          "intel-oneapi-compiler-classic",
          "intel",
          "llvm-amdgpu",
          "rocmcc",
          "acfl",
          "arm",
          "aocc",
          "nvhpc",
          "pgi",
          "cce",
          "cray",
          "fj",
          "xl",
          "nag",
          "msvc",
          "apple-gcc");

  private Compilers() {}

  public static boolean isCompiler(String name) {
    return NAMES.contains(name);
  }

  /** The name and its other spelling, if it has one: {@code clang} gives clang and llvm. */
  public static Set<String> spellings(String name) {
    Set<String> all = new TreeSet<>();
    all.add(name);
    LEGACY_TO_PACKAGE.forEach(
        (legacy, pkg) -> {
          if (legacy.equals(name)) {
            all.add(pkg);
          } else if (pkg.equals(name)) {
            all.add(legacy);
          }
        });
    return all;
  }

  /** Every compiler name, sorted: for error messages. */
  public static Set<String> names() {
    return new TreeSet<>(NAMES);
  }
}
