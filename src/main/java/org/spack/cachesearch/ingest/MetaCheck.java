package org.spack.cachesearch.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a page's {@code meta} summaries with what its specs say. Real pages disagree at times
 * ({@code num_specs_by_stack} does not always add up), so these are warnings, and the specs win.
 */
final class MetaCheck {
  private MetaCheck() {}

  static List<String> check(PageMeta meta, List<Spec> specs) {
    List<String> out = new ArrayList<>();
    if (meta.numSpecs() != null && meta.numSpecs() != specs.size()) {
      out.add(
          "meta.num_specs is "
              + meta.numSpecs()
              + " but spec_details has "
              + specs.size()
              + " specs");
    }
    compare(out, "versions", meta.versions(), values(specs, Spec::versions));
    compare(out, "compilers", meta.compilers(), values(specs, s -> List.of(s.compiler().raw())));
    compare(out, "oss", meta.oss(), values(specs, s -> List.of(s.os())));
    compare(out, "platforms", meta.platforms(), values(specs, s -> List.of(s.platform())));
    compare(out, "targets", meta.targets(), values(specs, s -> List.of(s.target())));
    compare(out, "stacks", meta.stacks(), values(specs, Spec::stacks));
    if (!meta.numSpecsByStack().isEmpty()) {
      Map<String, Integer> counted = new TreeMap<>();
      specs.forEach(s -> s.stacks().forEach(st -> counted.merge(st, 1, Integer::sum)));
      if (!counted.equals(new TreeMap<>(meta.numSpecsByStack()))) {
        out.add(
            "meta.num_specs_by_stack is "
                + Printable.cut(new TreeMap<>(meta.numSpecsByStack()).toString())
                + " but spec_details counts "
                + Printable.cut(counted.toString()));
      }
    }
    return out;
  }

  private static Set<String> values(List<Spec> specs, Function<Spec, Collection<String>> f) {
    TreeSet<String> out = new TreeSet<>();
    specs.forEach(s -> out.addAll(f.apply(s)));
    return out;
  }

  private static void compare(
      List<String> out, String key, List<String> listed, Set<String> actual) {
    // An absent list says nothing; only a list that is there can disagree.
    if (listed.isEmpty()) {
      return;
    }
    TreeSet<String> missing = new TreeSet<>(actual);
    missing.removeAll(listed);
    TreeSet<String> extra = new TreeSet<>(listed);
    extra.removeAll(actual);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      out.add(
          "meta."
              + key
              + " disagrees with spec_details: not listed "
              + Printable.cut(missing.toString())
              + ", listed but unused "
              + Printable.cut(extra.toString()));
    }
  }
}
