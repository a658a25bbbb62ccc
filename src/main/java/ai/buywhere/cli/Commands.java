package ai.buywhere.cli;

import ai.buywhere.ops.backup.BackupCommand;
import ai.buywhere.ops.replication.ReplicationCommand;
import picocli.CommandLine;

/** The list of sub-commands; features add theirs here. */
final class Commands {
  private Commands() {}

  static void register(CommandLine root) {
    root.addSubcommand(new ServeCommand());
    root.addSubcommand(new ImportCommand());
    root.addSubcommand(new ReindexCommand());
    root.addSubcommand(new BackupCommand());
    root.addSubcommand(new ReplicationCommand());
    root.addSubcommand(new ai.buywhere.ops.deploy.DeployCommand());
    root.addSubcommand(new ai.buywhere.ops.deploy.CanaryCommand());
    root.addSubcommand(new ai.buywhere.ops.deploy.SmokeTestCommand());
    root.addSubcommand(new ai.buywhere.ops.deploy.HealthCheckCommand());
    root.addSubcommand(new ai.buywhere.ops.deploy.ChecklistCommand());
    root.addSubcommand(new KeysCommand());
  }
}
