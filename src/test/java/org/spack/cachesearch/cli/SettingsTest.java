package org.spack.cachesearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spack.cachesearch.graphql.ApiLimits;
import org.spack.cachesearch.http.AccessLog;
import org.spack.cachesearch.http.HttpLimits;
import org.spack.cachesearch.http.ServerConfig;
import org.spack.cachesearch.search.Limits;
import picocli.CommandLine;

/** Settings from flags and the environment, checked, and the README's table of them. */
class SettingsTest {
  private static Settings serve(Map<String, String> environment, String... args) {
    CommandLine cmd = Main.commandLine(environment);
    List<String> line = new ArrayList<>(List.of("serve"));
    line.addAll(List.of(args));
    cmd.parseArgs(line.toArray(String[]::new));
    return Settings.read(cmd.getSubcommands().get("serve").getCommandSpec());
  }

  @Test
  void withNothingGivenEverySettingHasItsDefault() {
    Settings settings = serve(Map.of());
    assertEquals(
        new ServerConfig(
            "127.0.0.1",
            8080,
            List.of(),
            1_048_576,
            new HttpLimits(
                16,
                256,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10)),
            AccessLog.STDOUT),
        settings.server());
    assertEquals(
        new Limits(Duration.ofSeconds(10), 100, 1000, 1000, 4096, 1024, 10_000, 8, 256, 20, 2),
        settings.search());
    assertEquals(new ApiLimits(100_000, 15_000, 50_000, 100, 100, 20, 15, 20_000), settings.api());
    assertEquals(Duration.ofSeconds(1), settings.duration(Setting.REFRESH));
  }

  @Test
  void anEnvironmentVariableOverridesADefaultAndAFlagOverridesBoth() {
    Map<String, String> env =
        Map.of(
            "SPACK_SEARCH_MAX_CONCURRENT", "3",
            "SPACK_SEARCH_READ_TIMEOUT", "0.25",
            "SPACK_SEARCH_CORS_ORIGIN", "https://a.example,https://b.example",
            "SPACK_SEARCH_ACCESS_LOG", "off");
    Settings fromEnvironment = serve(env);
    assertEquals(3, fromEnvironment.server().limits().maxConcurrent());
    assertEquals(Duration.ofMillis(250), fromEnvironment.server().limits().readTimeout());
    assertEquals(
        List.of("https://a.example", "https://b.example"), fromEnvironment.server().corsOrigins());
    assertEquals(AccessLog.OFF, fromEnvironment.server().accessLog());

    Settings fromFlags =
        serve(env, "--max-concurrent", "5", "--cors-origin", "*", "--max-aliases", "7");
    assertEquals(7, fromFlags.api().maxAliases());
    assertEquals(5, fromFlags.server().limits().maxConcurrent());
    assertEquals(List.of("*"), fromFlags.server().corsOrigins());
  }

  @Test
  void theSharedIndexOptionReadsTheEnvironmentInEveryCommand() {
    CommandLine cmd = Main.commandLine(Map.of("SPACK_SEARCH_INDEX", "/data/index"));
    CommandLine.ParseResult parsed = cmd.parseArgs("query", "zlib");
    QueryCommand query = parsed.subcommand().commandSpec().commandLine().getCommand();
    assertEquals(Path.of("/data/index"), query.indexOption.dir);
  }

  @Test
  void secondsAreReadToTheMillisecondAndZeroOnlyWhereItMeansNone() {
    assertEquals(Duration.ofMillis(1500), Kind.SECONDS.parse("1.5"));
    assertEquals(Duration.ZERO, Kind.SECONDS_OR_ZERO.parse("0"));
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> Kind.SECONDS.parse("0"));
    assertEquals(
        "must be more than 0 seconds (up to 2000000, in steps of 0.001)", zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Kind.SECONDS.parse("0.0001"));
    assertEquals("0.25", Kind.SECONDS.format(Duration.ofMillis(250)));
    assertEquals("60", Kind.SECONDS.format(Duration.ofMinutes(1)));
  }

  /** The README's table, row for row: the flags, variables and defaults the code has. */
  @Test
  void theReadmeTableListsEverySettingWithItsVariableAndDefault() throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("| flag | environment variable | default | what it sets |");
    rows.add("|---|---|---|---|");
    rows.add("| `--index` | `SPACK_SEARCH_INDEX` | `index` | Index directory (every command). |");
    for (Setting s : Setting.values()) {
      String shown = s.defaultValue.isEmpty() ? "" : "`" + s.defaultValue + "`";
      rows.add(
          "| `" + s.flag + "` | `" + s.variable() + "` | " + shown + " | " + s.description + " |");
    }
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String table = String.join("\n", rows) + "\n";
    assertEquals(true, readme.contains(table), "README.md should contain:\n" + table);
  }
}
