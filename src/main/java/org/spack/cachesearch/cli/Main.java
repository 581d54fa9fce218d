package org.spack.cachesearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.spack.cachesearch.index.IndexVersionException;
import org.spack.cachesearch.index.NoIndexException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: one subcommand per job, sysexits-style exit codes. */
@Command(
    name = "spack-cache-search",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Search API for Spack's build cache.",
    subcommands = {
      IngestCommand.class,
      ServeCommand.class,
      QueryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Bad command line (sysexits EX_USAGE). */
  public static final int USAGE = 64;

  /** Bad input data (EX_DATAERR). */
  public static final int DATA_ERROR = 65;

  /** The index to read does not exist (EX_NOINPUT). */
  public static final int NO_INPUT = 66;

  /** Something failed that is not the user's input (EX_SOFTWARE). */
  public static final int INTERNAL = 70;

  static final String ENVIRONMENT_FOOTER =
      "Every option can also be set by an environment variable: SPACK_SEARCH_ and the option's"
          + " name in capitals, '-' as '_' (--max-body: SPACK_SEARCH_MAX_BODY); the command line"
          + " wins.";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Undertow and XNIO announce their versions at INFO; strong references keep the levels set. */
  private static final Logger[] QUIET = {
    Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"), Logger.getLogger("org.jboss")
  };

  public static void main(String[] args) {
    for (Logger logger : QUIET) {
      logger.setLevel(Level.WARNING);
    }
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line, with defaults from {@code environment} ({@link EnvironmentDefaults}). */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cmd = new CommandLine(new Main());
    Settings.addOptions(cmd.getSubcommands().get("serve").getCommandSpec());
    cmd.setDefaultValueProvider(new EnvironmentDefaults(environment));
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sub.getCommandSpec().usageMessage().footer(ENVIRONMENT_FOOTER);
    }
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("error: " + e.getMessage());
          e.getCommandLine().usage(err);
          return USAGE;
        });
    cmd.setExecutionExceptionHandler((e, c, parsed) -> report(e, c.getErr()));
    return cmd;
  }

  /** One line for what went wrong, and the exit code that says what kind of failure it was. */
  private static int report(Exception e, PrintWriter err) {
    err.println("error: " + (e instanceof UsageError || isOurs(e) ? e.getMessage() : e));
    err.flush();
    if (e instanceof UsageError) {
      return USAGE;
    }
    if (e instanceof NoIndexException n) {
      // A file where a directory should be is the command line's mistake, not missing input.
      return n.reason() == NoIndexException.Reason.FILE ? USAGE : NO_INPUT;
    }
    return e instanceof IndexVersionException ? DATA_ERROR : INTERNAL;
  }

  private static boolean isOurs(Exception e) {
    return e instanceof NoIndexException || e instanceof IndexVersionException;
  }

  /** The version of the build, from a resource Maven fills in with the pom's version. */
  static final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/spack-cache-search.properties";

    @Override
    public String[] getVersion() {
      return new String[] {"spack-cache-search " + version()};
    }

    static String version() {
      try (InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
