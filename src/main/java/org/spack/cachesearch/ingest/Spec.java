package org.spack.cachesearch.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One prebuilt binary of a package, as one entry of a page's {@code spec_details}.
 *
 * @param size bytes, or null where the page says {@code "-"} or nothing
 * @param extra fields this version does not know (e.g. {@code tarball}), name to JSON text, kept so
 *     that nothing in a page is lost
 * @param dependencies direct dependencies (from a build-cache index; pages have none)
 * @param closure every dependency below the binary, direct or not, each once: what {@code ^name}
 *     matches. Indexed, not stored: a spec read back from the index has it empty
 */
public record Spec(
    String hash,
    Compiler compiler,
    String os,
    String platform,
    String target,
    List<Variant> variants,
    List<String> versions,
    List<String> stacks,
    Long size,
    Map<String, String> extra,
    List<Dependency> dependencies,
    List<Dependency> closure) {

  /** Spack's DAG hash: 32 characters of its base32 alphabet. */
  public static final Pattern HASH = Pattern.compile("[a-z2-7]{32}");

  /**
   * Whether {@code text} is a whole {@link #HASH}, without a regex: it is checked for every spec
   * read and every stored spec loaded.
   */
  public static boolean isHash(String text) {
    if (text.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }

  public Spec {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(compiler, "compiler");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(target, "target");
    if (!isHash(hash)) {
      throw new IllegalArgumentException("malformed hash: " + hash);
    }
    variants = List.copyOf(variants);
    versions = List.copyOf(versions);
    stacks = List.copyOf(stacks);
    extra = Map.copyOf(extra);
    dependencies = List.copyOf(dependencies);
    closure = List.copyOf(closure);
  }

  /** This spec in other stacks (a build-cache index learns them from the catalogue). */
  public Spec withStacks(List<String> stacks) {
    return new Spec(
        hash,
        compiler,
        os,
        platform,
        target,
        variants,
        versions,
        stacks,
        size,
        extra,
        dependencies,
        closure);
  }

  /** Spack's arch triple, {@code platform-os-target}. */
  public String arch() {
    return platform + "-" + os + "-" + target;
  }
}
