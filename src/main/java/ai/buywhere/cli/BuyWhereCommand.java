package ai.buywhere.cli;

import ai.buywhere.app.ConfigException;
import ai.buywhere.shared.BuyWhereException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code buywhere} command; every sub-command is registered here. */
@Command(
    name = "buywhere",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Agent-native product catalog: API server, ingestion worker and operator CLI.",
    subcommands = {CommandLine.HelpCommand.class})
public final class BuyWhereCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns the process exit code. */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new BuyWhereCommand());
    Commands.register(cl);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof ConfigException) {
            cmd.getErr().println("configuration error: " + ex.getMessage());
            return 78;
          }
          if (ex instanceof BuyWhereException) {
            cmd.getErr().println("error: " + ex.getMessage());
            return 1;
          }
          throw ex;
        });
    return cl.execute(args);
  }
}
