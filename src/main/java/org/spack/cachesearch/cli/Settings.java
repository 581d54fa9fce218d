package org.spack.cachesearch.cli;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.spack.cachesearch.graphql.ApiLimits;
import org.spack.cachesearch.http.AccessLog;
import org.spack.cachesearch.http.HttpLimits;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.search.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The values of every {@link Setting} for one run of {@code serve}, checked, and the configuration
 * records built from them.
 */
final class Settings {
  private final Map<Setting, Object> values;

  private Settings(Map<Setting, Object> values) {
    this.values = values;
  }

  /** Adds one option per setting to {@code serve}. */
  static void addOptions(CommandSpec serve) {
    for (Setting s : Setting.values()) {
      String shown = s.defaultValue.isEmpty() ? "" : " (default: ${DEFAULT-VALUE})";
      OptionSpec.Builder option =
          OptionSpec.builder(s.flag)
              .paramLabel(s.label)
              .defaultValue(s.defaultValue)
              .description(s.description + shown);
      if (s.kind == Kind.LIST) {
        option.type(List.class).auxiliaryTypes(String.class).splitRegex(",");
      } else {
        option.type(String.class);
      }
      serve.addOption(option.build());
    }
  }

  /**
   * Reads and checks every setting.
   *
   * @throws CommandLine.ParameterException naming the flag (and the variable, when the value came
   *     from the environment) and what its value must be
   */
  static Settings read(CommandSpec serve) {
    CommandLine.ParseResult parsed = serve.commandLine().getParseResult();
    Map<Setting, Object> values = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      Object raw = serve.findOption(s.flag).getValue();
      String text =
          raw instanceof List<?> list
              ? String.join(",", list.stream().map(String::valueOf).toList())
              : String.valueOf(raw);
      try {
        values.put(s, s.kind.parse(text));
      } catch (IllegalArgumentException e) {
        String from = parsed.hasMatchedOption(s.flag) ? "" : " (from " + s.variable() + ")";
        throw new CommandLine.ParameterException(
            serve.commandLine(), s.flag + " " + e.getMessage() + ", not '" + text + "'" + from);
      }
    }
    return new Settings(values);
  }

  int count(Setting s) {
    return (Integer) values.get(s);
  }

  Duration duration(Setting s) {
    return (Duration) values.get(s);
  }

  String text(Setting s) {
    return (String) values.get(s);
  }

  @SuppressWarnings("unchecked") // Kind.LIST parses to a List<String>
  List<String> list(Setting s) {
    return (List<String>) values.get(s);
  }

  ServerConfig server() {
    return new ServerConfig(
        text(Setting.HOST),
        count(Setting.PORT),
        list(Setting.CORS_ORIGIN),
        count(Setting.MAX_BODY),
        http(),
        AccessLog.parse(text(Setting.ACCESS_LOG)));
  }

  HttpLimits http() {
    return new HttpLimits(
        count(Setting.MAX_CONCURRENT),
        count(Setting.MAX_QUEUED),
        duration(Setting.RETRY_AFTER),
        duration(Setting.HEADER_TIMEOUT),
        duration(Setting.READ_TIMEOUT),
        duration(Setting.WRITE_TIMEOUT),
        duration(Setting.IDLE_TIMEOUT),
        duration(Setting.SHUTDOWN_GRACE));
  }

  Limits search() {
    return new Limits(
        duration(Setting.TIMEOUT),
        count(Setting.MAX_FIRST),
        count(Setting.MAX_FACET_VALUES),
        count(Setting.MAX_FILTER_VALUES),
        count(Setting.MAX_QUERY_LENGTH),
        count(Setting.MAX_CLAUSES),
        count(Setting.DETERMINIZE_WORK_LIMIT),
        count(Setting.MAX_PATTERN_TERMS),
        count(Setting.MAX_PATTERN_LENGTH),
        count(Setting.MAX_FUZZY_LENGTH),
        count(Setting.MIN_LEADING_WILDCARD_LITERALS));
  }

  ApiLimits api() {
    return new ApiLimits(
        count(Setting.MAX_DOCUMENT_CHARACTERS),
        count(Setting.MAX_TOKENS),
        count(Setting.MAX_WHITESPACE_TOKENS),
        count(Setting.MAX_RULE_DEPTH),
        count(Setting.MAX_ALIASES),
        count(Setting.MAX_ROOT_FIELDS),
        count(Setting.MAX_DEPTH),
        count(Setting.MAX_COST));
  }
}
