package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServeCommandTest {
  @Test
  void theHealthProbeFailsWhenNothingListens() {
    assertEquals(false, HealthProbe.check("http://127.0.0.1:9/health"));
  }
}
