package org.spack.cachesearch.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.apache.lucene.util.Version;

/** The facts a result is meaningless without: JVM, heap, flags, cores, Lucene. */
final class Environment {
  private Environment() {}

  static void print() {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "java %s (%s), %d cores, heap max %d MiB, flags %s, Lucene %s%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.availableProcessors(),
        rt.maxMemory() / (1024 * 1024),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
        Version.LATEST);
  }
}
