package ai.buywhere.cli;

import ai.buywhere.ops.backup.BackupCommand;
import ai.buywhere.ops.replication.ReplicationCommand;
import picocli.CommandLine;

/** The list of sub-commands; features add theirs here. */
final class Commands {
  private Commands() {}

  static void register(CommandLine root) {
    root.addSubcommand(new BackupCommand());
    root.addSubcommand(new ReplicationCommand());
  }
}
