package org.spack.cachesearch.cli;

import java.io.PrintWriter;
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
    CommandLine cmd = new CommandLine(new Main());
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("error: " + e.getMessage());
          e.getCommandLine().usage(err);
          return USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof NoIndexException) {
            c.getErr().println("error: " + e.getMessage());
            return NO_INPUT;
          }
          if (e instanceof IndexVersionException) {
            c.getErr().println("error: " + e.getMessage());
            return DATA_ERROR;
          }
          c.getErr().println("error: " + e);
          return INTERNAL;
        });
    return cmd;
  }

  /** The version from the jar's manifest, when run from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"spack-cache-search " + (v == null ? "(development build)" : v)};
    }
  }
}
