package ai.buywhere.cli;

import ai.buywhere.ops.backup.BackupCommand;
import ai.buywhere.ops.flags.FlagsCommand;
import ai.buywhere.ops.replication.ReplicationCommand;
import picocli.CommandLine;

/** The list of sub-commands; features add theirs here. */
final class Commands {
  private Commands() {}

  static void register(CommandLine root) {
    // sub-commands are added by each feature as it lands
    root.addSubcommand(new FlagsCommand());
    root.addSubcommand(new ServeCommand());
    root.addSubcommand(new ReindexCommand());
    root.addSubcommand(new BackupCommand());
    root.addSubcommand(new ReplicationCommand());
  }
}
