package org.spack.cachesearch.spack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which targets run on a CPU, per archspec's table (archspec/archspec-json commit 90b453f). The
 * expected sets are written out by hand from the {@code from} lists of the JSON file; a second
 * witness walks the same lists with plain Jackson.
 */
class MicroarchitecturesTest {
  private static final Microarchitectures TABLE = Microarchitectures.load();

  /** The entries with an empty {@code from} list: archspec's architecture families. */
  private static final Set<String> FAMILIES =
      Set.of(
          "aarch64", "arm", "ppc", "ppc64", "ppc64le", "ppcle", "riscv64", "sparc", "sparc64",
          "x86", "x86_64");

  private static List<String> compatible(String cpu) {
    return new ArrayList<>(TABLE.compatibleTargets(cpu));
  }

  @Test
  void aZen3RunsAmdZenBinariesAndTheGenericX86Levels() {
    assertEquals(
        List.of("x86_64", "x86_64_v2", "x86_64_v3", "zen", "zen2", "zen3"), compatible("zen3"));
  }

  @Test
  void aNeoverseV2RunsNeoverseN1CortexA72AndArmv9Point0AndBelowButNotArmv8Point6() {
    assertEquals(
        List.of(
            "aarch64",
            "armv8.1a",
            "armv8.2a",
            "armv8.3a",
            "armv8.4a",
            "armv8.5a",
            "armv9.0a",
            "cortex_a72",
            "neoverse_n1",
            "neoverse_v2"),
        compatible("neoverse_v2"));
  }

  @Test
  void anAppleM1RunsArmv8Point4AndBelowDownToAarch64() {
    assertEquals(
        List.of("aarch64", "armv8.1a", "armv8.2a", "armv8.3a", "armv8.4a", "m1"), compatible("m1"));
  }

  @Test
  void aPower9leRunsOnlyLittleEndianPowerTargets() {
    assertEquals(List.of("power8le", "power9le", "ppc64le"), compatible("power9le"));
  }

  @Test
  void anIcelakeInheritsThroughBothOfItsParentsAndEveryX86Level() {
    assertEquals(
        List.of(
            "broadwell",
            "cannonlake",
            "cascadelake",
            "core2",
            "haswell",
            "icelake",
            "ivybridge",
            "nehalem",
            "nocona",
            "sandybridge",
            "skylake",
            "skylake_avx512",
            "westmere",
            "x86_64",
            "x86_64_v2",
            "x86_64_v3",
            "x86_64_v4"),
        compatible("icelake"));
  }

  @Test
  void aFamilyNameRunsOnlyItsOwnGenericBinaries() {
    for (String family : FAMILIES) {
      assertEquals(List.of(family), compatible(family), family);
    }
  }

  @Test
  void everyTargetBelongsToExactlyOneFamily() {
    for (String name : TABLE.names()) {
      Set<String> roots = new TreeSet<>(TABLE.compatibleTargets(name));
      roots.retainAll(FAMILIES);
      assertEquals(1, roots.size(), name + " has families " + roots);
    }
  }

  @Test
  void everyTargetRunsItselfAndNoAncestorRunsItsDescendant() {
    for (String name : TABLE.names()) {
      Set<String> targets = TABLE.compatibleTargets(name);
      assertTrue(targets.contains(name), name);
      for (String ancestor : targets) {
        if (!ancestor.equals(name)) {
          assertFalse(TABLE.compatibleTargets(ancestor).contains(name), ancestor + " <-> " + name);
        }
      }
    }
  }

  @Test
  void everyTargetMatchesAPlainWalkOfTheJsonFromLists() throws IOException {
    Map<String, Set<String>> witness = walkFromLists();
    assertEquals(78, witness.size());
    assertEquals(witness.keySet(), TABLE.names());
    for (Map.Entry<String, Set<String>> entry : witness.entrySet()) {
      assertEquals(entry.getValue(), TABLE.compatibleTargets(entry.getKey()), entry.getKey());
    }
  }

  /** Breadth-first over each entry's {@code from} list, straight from the JSON tree. */
  private static Map<String, Set<String>> walkFromLists() throws IOException {
    JsonNode table;
    try (InputStream in =
        MicroarchitecturesTest.class.getResourceAsStream(Microarchitectures.RESOURCE)) {
      table = new ObjectMapper().readTree(in).get("microarchitectures");
    }
    Map<String, Set<String>> reached = new TreeMap<>();
    table
        .fieldNames()
        .forEachRemaining(
            start -> {
              Set<String> seen = new TreeSet<>(List.of(start));
              Deque<String> queue = new ArrayDeque<>(seen);
              while (!queue.isEmpty()) {
                for (JsonNode parent : table.get(queue.remove()).get("from")) {
                  if (seen.add(parent.textValue())) {
                    queue.add(parent.textValue());
                  }
                }
              }
              reached.put(start, seen);
            });
    return reached;
  }

  @Test
  void anUnknownCpuSuggestsTheThreeClosestNamesTiesByName() {
    UnknownTargetException e =
        assertThrows(UnknownTargetException.class, () -> TABLE.compatibleTargets("zen33"));
    assertEquals("unknown CPU 'zen33'; did you mean zen3, zen, zen2?", e.getMessage());
    assertEquals("zen33", e.name());
    assertEquals(List.of("zen3", "zen", "zen2"), e.suggestions());
  }

  @Test
  void namesAreCaseSensitiveButSuggestionsIgnoreCase() {
    UnknownTargetException e =
        assertThrows(UnknownTargetException.class, () -> TABLE.compatibleTargets("ZEN3"));
    assertEquals("unknown CPU 'ZEN3'; did you mean zen3, zen, zen2?", e.getMessage());
  }

  @Test
  void onlyTheThreeClosestOfManyEquallyCloseNamesAreSuggested() {
    UnknownTargetException e =
        assertThrows(UnknownTargetException.class, () -> TABLE.compatibleTargets("neoverse"));
    assertEquals(
        "unknown CPU 'neoverse'; did you mean neoverse_n1, neoverse_n2, neoverse_v1?",
        e.getMessage());
  }

  @Test
  void aNameThreeEditsAwayIsSuggestedButFourEditsAwayIsNot() {
    UnknownTargetException three =
        assertThrows(UnknownTargetException.class, () -> TABLE.compatibleTargets("broadwellxyz"));
    assertEquals("unknown CPU 'broadwellxyz'; did you mean broadwell?", three.getMessage());
    UnknownTargetException four =
        assertThrows(UnknownTargetException.class, () -> TABLE.compatibleTargets("broadwellwxyz"));
    assertEquals("unknown CPU 'broadwellwxyz'", four.getMessage());
    assertEquals(List.of(), four.suggestions());
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertEquals(3, Microarchitectures.editDistance("kitten", "sitting"));
    assertEquals(3, Microarchitectures.editDistance("", "arm"));
    assertEquals(3, Microarchitectures.editDistance("arm", ""));
    assertEquals(0, Microarchitectures.editDistance("zen3", "zen3"));
    assertEquals(2, Microarchitectures.editDistance("zen33", "zen4"));
  }

  @Test
  void theTableIsLoadedOnceAndItsSetsCannotBeChanged() {
    assertSame(TABLE, Microarchitectures.load());
    assertThrows(UnsupportedOperationException.class, () -> TABLE.names().add("zen9"));
    assertThrows(
        UnsupportedOperationException.class, () -> TABLE.compatibleTargets("m1").remove("m1"));
  }

  private static String rejection(String json) {
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    return assertThrows(IllegalArgumentException.class, () -> Microarchitectures.read(in))
        .getMessage();
  }

  @Test
  void aTableWithACycleIsRejectedWithTheCycle() {
    assertEquals(
        "archspec table: cycle a -> b -> a",
        rejection(
            "{\"microarchitectures\": {\"a\": {\"from\": [\"b\"]}, \"b\": {\"from\": [\"a\"]}}}"));
    assertEquals(
        "archspec table: cycle a -> a",
        rejection("{\"microarchitectures\": {\"a\": {\"from\": [\"a\"]}}}"));
  }

  @Test
  void aTableWithAnUnknownParentOrNoFromListIsRejected() {
    assertEquals(
        "archspec table: 'a' comes from unknown 'nope'",
        rejection("{\"microarchitectures\": {\"a\": {\"from\": [\"nope\"]}}}"));
    assertEquals(
        "archspec table: 'a' has no 'from' list",
        rejection("{\"microarchitectures\": {\"a\": {\"vendor\": \"generic\"}}}"));
    assertEquals("archspec table: no 'microarchitectures' object", rejection("{\"targets\": {}}"));
  }
}
