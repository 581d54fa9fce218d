package org.spack.cachesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompilerTest {

  @Test
  void exactVersionMarkerIsDroppedFromTheVersion() {
    Compiler compiler = Compiler.parse("gcc@=11.4.0");
    assertEquals(new Compiler("gcc@=11.4.0", "gcc", "11.4.0"), compiler);
    assertEquals("gcc@11.4.0", compiler.normalized());
  }

  @Test
  void plainVersionNormalizesToTheSameSpelling() {
    Compiler compiler = Compiler.parse("gcc@11.4.0");
    assertEquals(new Compiler("gcc@11.4.0", "gcc", "11.4.0"), compiler);
    assertEquals("gcc@11.4.0", compiler.normalized());
  }

  @Test
  void noneHasNoVersion() {
    Compiler compiler = Compiler.parse("none");
    assertEquals(new Compiler("none", "none", ""), compiler);
    assertEquals("none", compiler.normalized());
  }

  @Test
  void aHyphenatedNameIsKeptWhole() {
    Compiler compiler = Compiler.parse("apple-clang@16.0.0");
    assertEquals(new Compiler("apple-clang@16.0.0", "apple-clang", "16.0.0"), compiler);
    assertEquals("apple-clang@16.0.0", compiler.normalized());
  }

  @Test
  void oneapiWithExactVersion() {
    Compiler compiler = Compiler.parse("oneapi@=2024.2.1");
    assertEquals(new Compiler("oneapi@=2024.2.1", "oneapi", "2024.2.1"), compiler);
    assertEquals("oneapi@2024.2.1", compiler.normalized());
  }
}
