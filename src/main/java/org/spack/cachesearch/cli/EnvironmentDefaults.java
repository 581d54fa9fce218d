package org.spack.cachesearch.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults from the environment: the option {@code --max-body} of any command takes the value of
 * {@code SPACK_SEARCH_MAX_BODY} when the command line does not give it; the option's own default
 * applies when the variable is not set either.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  static final String PREFIX = "SPACK_SEARCH_";

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The variable of a flag: {@code --max-body} is {@code SPACK_SEARCH_MAX_BODY}. */
  static String variable(String flag) {
    return PREFIX + flag.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)
        || option.usageHelp()
        || option.versionHelp()
        || !option.longestName().startsWith("--")) {
      return null;
    }
    return environment.get(variable(option.longestName()));
  }
}
