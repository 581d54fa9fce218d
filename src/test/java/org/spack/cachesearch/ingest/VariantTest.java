package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void plusIsTrue() {
    Variant variant = Variant.parse("+shared");
    assertEquals(new Variant("+shared", "shared", List.of("true")), variant);
    assertEquals(List.of("shared=true"), variant.normalized());
  }

  @Test
  void tildeIsFalse() {
    Variant variant = Variant.parse("~asan");
    assertEquals(new Variant("~asan", "asan", List.of("false")), variant);
    assertEquals(List.of("asan=false"), variant.normalized());
  }

  @Test
  void olderMinusSpellingIsFalse() {
    assertEquals(List.of("debug=false"), Variant.parse("-debug").normalized());
  }

  @Test
  void propagatedPlusPlusIsTrueForTheBareName() {
    Variant variant = Variant.parse("++x");
    assertEquals(new Variant("++x", "x", List.of("true")), variant);
    assertEquals(List.of("x=true"), variant.normalized());
  }

  @Test
  void colonEqualsWithTwoValuesGivesOneFormPerValue() {
    Variant variant = Variant.parse("libs:=shared,static");
    assertEquals(new Variant("libs:=shared,static", "libs", List.of("shared", "static")), variant);
    assertEquals(List.of("libs=shared", "libs=static"), variant.normalized());
    assertEquals("shared,static", variant.value());
    assertEquals("true", Variant.parse("+shared").value());
  }

  @Test
  void equalsWithThreeValues() {
    Variant variant = Variant.parse("patches=a,b,c");
    assertEquals(new Variant("patches=a,b,c", "patches", List.of("a", "b", "c")), variant);
    assertEquals(List.of("patches=a", "patches=b", "patches=c"), variant.normalized());
  }

  @Test
  void equalsWithOneValue() {
    Variant variant = Variant.parse("build_system=cmake");
    assertEquals(new Variant("build_system=cmake", "build_system", List.of("cmake")), variant);
    assertEquals(List.of("build_system=cmake"), variant.normalized());
  }

  @Test
  void colonEqualsWithOneValueNormalizesLikeEquals() {
    Variant variant = Variant.parse("amdgpu_target:=gfx90a");
    assertEquals(new Variant("amdgpu_target:=gfx90a", "amdgpu_target", List.of("gfx90a")), variant);
    assertEquals(variant.normalized(), Variant.parse("amdgpu_target=gfx90a").normalized());
    assertEquals(List.of("amdgpu_target=gfx90a"), variant.normalized());
  }

  @Test
  void aBareWordHasNoValuesAndNormalizesToItself() {
    Variant variant = Variant.parse("openmp");
    assertEquals(new Variant("openmp", "openmp", List.of()), variant);
    assertEquals(List.of("openmp"), variant.normalized());
  }
}
