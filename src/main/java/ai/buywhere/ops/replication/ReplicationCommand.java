package ai.buywhere.ops.replication;

import ai.buywhere.app.ServerConfig;
import ai.buywhere.app.Settings;
import ai.buywhere.cli.CommonOptions;
import ai.buywhere.shared.Json;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code buywhere replication status|promote} (PostgreSQL primary + streaming replica). */
@Command(
    name = "replication",
    description = "PostgreSQL replication: status (lag, roles, slots) and promote.",
    mixinStandardHelpOptions = true,
    subcommands = {ReplicationCommand.Status.class, ReplicationCommand.Promote.class})
public final class ReplicationCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static ReplicationService service(CommonOptions common) {
    Settings s = common.settings();
    ReplicationConfig config = ReplicationConfig.from(s, ServerConfig.from(s).dataDir());
    if (config.primary().dialect() != ai.buywhere.store.Dialect.POSTGRESQL) {
      throw new ReplicationException(
          "replication needs a PostgreSQL DATABASE_URL; the embedded SQLite database has no replica");
    }
    return new ReplicationService(config);
  }

  @Command(
      name = "status",
      description =
          "Reachability, role, replay lag and slots of DATABASE_URL and DATABASE_REPLICA_URL.")
  static final class Status implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
        names = "--check-only",
        description = "exit 1 unless the primary and a healthy streaming replica answer")
    boolean checkOnly;

    @Option(names = "--json", description = "print the status as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      ReplicationStatus s = service(common).status();
      if (json) {
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(s));
      } else {
        print(s.primary());
        s.replica()
            .ifPresentOrElse(
                Status::print,
                () -> System.out.println("replica: not configured (DATABASE_REPLICA_URL)"));
        System.out.printf(
            Locale.ROOT,
            "replication: %s, lag %s%n",
            s.healthy() ? "HEALTHY" : "NOT HEALTHY",
            s.lagSeconds() < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f s", s.lagSeconds()));
      }
      return checkOnly && !s.healthy() ? 1 : 0;
    }

    private static void print(ServerStatus s) {
      System.out.printf(
          Locale.ROOT,
          "%s: %s %s%s%s%n",
          s.name(),
          s.url(),
          s.reachable() ? "accepting connections, role " + s.role() : "NOT REACHABLE",
          s.walReceiver() == null ? "" : ", wal receiver " + s.walReceiver(),
          s.error() == null ? "" : " (" + s.error() + ")");
      s.senders()
          .forEach(
              x ->
                  System.out.printf(
                      Locale.ROOT,
                      "  sender %s %s %s replay_lag=%.1fs%n",
                      x.applicationName(),
                      x.clientAddr(),
                      x.state(),
                      x.replayLag()));
      s.slots()
          .forEach(
              x ->
                  System.out.printf(
                      Locale.ROOT,
                      "  slot %s (%s) %s wal_status=%s%n",
                      x.name(),
                      x.type(),
                      x.active() ? "active" : "INACTIVE",
                      x.walStatus()));
    }
  }

  @Command(
      name = "promote",
      description =
          "Promote DATABASE_REPLICA_URL with pg_promote(); refuses while the primary answers.")
  static final class Promote implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--force", description = "promote even though the old primary still answers")
    boolean force;

    @Override
    public Integer call() {
      ReplicationService.PromoteResult r = service(common).promote(force);
      System.out.println("promoted: " + r.newPrimaryUrl());
      System.out.println(r.advice());
      return 0;
    }
  }
}
