package ai.buywhere.cli;

import picocli.CommandLine;

/** The list of sub-commands; features add theirs here. */
final class Commands {
  private Commands() {}

  static void register(CommandLine root) {
    // sub-commands are added by each feature as it lands
    root.addSubcommand(new IngestCommand());
    root.addSubcommand(new WorkerCommand());
  }
}
