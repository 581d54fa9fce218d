package org.spack.cachesearch.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.spack.cachesearch.ingest.Compiler;
import org.spack.cachesearch.ingest.Dependency;
import org.spack.cachesearch.ingest.Spec;
import org.spack.cachesearch.ingest.Variant;

/**
 * A spec with the (tag, package) it is filed under: what one document holds and what a search
 * returns. Its accessors are named as the API's fields, so the GraphQL layer reads them without
 * fetchers of its own.
 *
 * @param packageName the package ({@code package} is a Java keyword)
 */
public record SpecHit(String packageName, String tag, Spec spec) {

  /** A field of a page this version does not model. */
  public record ExtraField(String name, String json) {}

  public SpecHit {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(spec, "spec");
  }

  public String hash() {
    return spec.hash();
  }

  public List<String> versions() {
    return spec.versions();
  }

  public Compiler compiler() {
    return spec.compiler();
  }

  public String os() {
    return spec.os();
  }

  public String platform() {
    return spec.platform();
  }

  public String target() {
    return spec.target();
  }

  public String arch() {
    return spec.arch();
  }

  public List<Variant> variants() {
    return spec.variants();
  }

  public List<String> stacks() {
    return spec.stacks();
  }

  /** Direct dependencies (from a build-cache index; empty for a page's spec). */
  public List<Dependency> dependencies() {
    return spec.dependencies();
  }

  public Long size() {
    return spec.size();
  }

  public List<ExtraField> extra() {
    return spec.extra().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new ExtraField(e.getKey(), e.getValue()))
        .toList();
  }

  /** What a Spack user types to install exactly this binary. */
  public String installCommand() {
    return "spack install /" + spec.hash();
  }

  /**
   * The spec in Spack syntax: {@code name@version%compiler}, boolean variants attached ({@code
   * +shared~docs}), valued ones after a space, then {@code arch=}.
   */
  public String specString() {
    StringBuilder s = new StringBuilder(packageName);
    if (!spec.versions().isEmpty()) {
      s.append('@').append(String.join(",", spec.versions()));
    }
    if (!spec.compiler().name().equals("none")) {
      s.append('%').append(spec.compiler().normalized());
    }
    String flags =
        spec.variants().stream()
            .filter(v -> isBoolean(v))
            .map(v -> (v.values().get(0).equals("true") ? "+" : "~") + v.name())
            .collect(Collectors.joining());
    s.append(flags);
    spec.variants().stream().filter(v -> !isBoolean(v)).forEach(v -> s.append(' ').append(v.raw()));
    return s.append(" arch=").append(spec.arch()).toString();
  }

  private static boolean isBoolean(Variant v) {
    return !v.raw().contains("=")
        && v.values().size() == 1
        && (v.values().get(0).equals("true") || v.values().get(0).equals("false"));
  }
}
