package ai.buywhere.cli;

import ai.buywhere.mcp.McpCommand;
import ai.buywhere.ops.alerts.AlertsCommand;
import ai.buywhere.ops.backup.BackupCommand;
import ai.buywhere.ops.deploy.CanaryCommand;
import ai.buywhere.ops.deploy.ChecklistCommand;
import ai.buywhere.ops.deploy.DeployCommand;
import ai.buywhere.ops.deploy.HealthCheckCommand;
import ai.buywhere.ops.deploy.SmokeTestCommand;
import ai.buywhere.ops.flags.FlagsCommand;
import ai.buywhere.ops.incidents.IncidentCommand;
import ai.buywhere.ops.replication.ReplicationCommand;
import picocli.CommandLine;

/** The list of sub-commands, in the order `buywhere --help` shows them. */
final class Commands {
  private Commands() {}

  static void register(CommandLine root) {
    // catalog and API
    root.addSubcommand(new ServeCommand());
    root.addSubcommand(new ImportCommand());
    root.addSubcommand(new ReindexCommand());
    root.addSubcommand(new KeysCommand());
    root.addSubcommand(new McpCommand());
    // ingestion
    root.addSubcommand(new IngestCommand());
    root.addSubcommand(new WorkerCommand());
    // operations
    root.addSubcommand(new FlagsCommand());
    root.addSubcommand(new AlertsCommand());
    root.addSubcommand(new BackupCommand());
    root.addSubcommand(new IncidentCommand());
    root.addSubcommand(new ReplicationCommand());
    // deployment and launch
    root.addSubcommand(new SmokeTestCommand());
    root.addSubcommand(new HealthCheckCommand());
    root.addSubcommand(new DeployCommand());
    root.addSubcommand(new CanaryCommand());
    root.addSubcommand(new ChecklistCommand());
  }
}
