package org.spack.cachesearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option that every command shares. */
final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "index",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path dir;
}
