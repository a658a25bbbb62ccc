package ai.buywhere.ops.backup;

import ai.buywhere.app.Application;
import ai.buywhere.cli.CommonOptions;
import ai.buywhere.cli.VersionProvider;
import ai.buywhere.shared.Json;
import java.io.Console;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code buywhere backup create|list|prune|verify|restore|pre-deploy}. */
@Command(
    name = "backup",
    description = "Backups: create, list, prune, verify, restore, pre-deploy.",
    mixinStandardHelpOptions = true,
    subcommands = {
      BackupCommand.Create.class,
      BackupCommand.ListBackups.class,
      BackupCommand.Prune.class,
      BackupCommand.Verify.class,
      BackupCommand.Restore.class,
      BackupCommand.PreDeploy.class
    })
public final class BackupCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static BackupTier tier(String s) {
    return BackupTier.parse(s)
        .orElseThrow(
            () ->
                new BackupException(
                    "unknown tier '" + s + "': use hourly, daily, weekly, pre-deploy or safety"));
  }

  static BackupService service(Application app) {
    return BackupService.from(app.database(), app.settings(), app.server().dataDir(), app.clock());
  }

  @Command(name = "create", description = "Take a backup of TIER and apply its retention.")
  static final class Create implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "TIER", description = "hourly, daily or weekly")
    String tier;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        BackupEntry e = service(app).create(tier(tier));
        System.out.printf(
            Locale.ROOT,
            "%s %s %d bytes sha256=%s%n",
            e.id(),
            e.path(),
            e.manifest().sizeBytes(),
            e.manifest().sha256());
        return 0;
      }
    }
  }

  @Command(name = "list", description = "List backups, newest first.")
  static final class ListBackups implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "TIER", arity = "0..1", description = "only this tier")
    String tier;

    @Option(names = "--json", description = "JSON array of {id, tier, path, created_at, ...}")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (Application app = Application.open(common.settings())) {
        List<BackupEntry> entries =
            service(app).list(Optional.ofNullable(tier).map(BackupCommand::tier));
        if (json) {
          System.out.println(
              Json.mapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(entries.stream().map(BackupEntry::listing).toList()));
        } else {
          for (BackupEntry e : entries) {
            System.out.printf(
                Locale.ROOT,
                "%-34s %-10s %s %12d %s%n",
                e.id(),
                e.manifest().tier(),
                e.manifest().createdAt(),
                e.manifest().sizeBytes(),
                e.path());
          }
        }
        return 0;
      }
    }
  }

  @Command(name = "prune", description = "Apply retention (default: every tier).")
  static final class Prune implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "TIER", arity = "0..1")
    String tier;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        BackupService s = service(app);
        List<BackupTier> tiers = tier == null ? List.of(BackupTier.values()) : List.of(tier(tier));
        for (BackupTier t : tiers) {
          for (BackupEntry e : s.prune(t)) {
            System.out.println("deleted " + e.id());
          }
        }
        return 0;
      }
    }
  }

  @Command(
      name = "verify",
      description =
          "Verify backups by checksum and a scratch restore; exit 1 on any failure."
              + " Writes the backup_verification.prom textfile.")
  static final class Verify implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(
        paramLabel = "TARGET",
        defaultValue = "latest",
        description = "all, latest, a tier (its newest), a backup id or a file")
    String target;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        BackupService s = service(app);
        List<BackupEntry> entries = s.resolve(target);
        if (entries.isEmpty()) {
          System.err.println("no backups to verify for '" + target + "'");
          return 1;
        }
        boolean ok = true;
        for (VerificationResult r : s.verify(entries)) {
          System.out.println((r.ok() ? "OK     " : "FAILED ") + r.id());
          r.problems().forEach(p -> System.out.println("       " + p));
          ok &= r.ok();
        }
        System.out.println("textfile: " + s.config().promFile());
        return ok ? 0 : 1;
      }
    }
  }

  @Command(
      name = "restore",
      description =
          "Restore a backup into the live database (a safety backup is taken first)."
              + " With --market only that country's products and price history are replaced.")
  static final class Restore implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "BACKUP", description = "a file, backup id, tier or latest")
    String target;

    @Option(names = "--market", paramLabel = "CC", description = "country code, e.g. us")
    String market;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        BackupService s = service(app);
        List<BackupEntry> entries = s.resolve(target);
        if (entries.size() != 1) {
          throw new BackupException("'" + target + "' must name exactly one backup");
        }
        boolean confirmed = yes || confirm(entries.get(0), app);
        RestoreReport r = s.restore(entries.get(0), Optional.ofNullable(market), confirmed);
        System.out.print(r.describe());
        return 0;
      }
    }

    private boolean confirm(BackupEntry e, Application app) {
      Console console = System.console();
      if (console == null) {
        return false;
      }
      String answer =
          console.readLine(
              "Restore %s into %s%s? Type 'yes' to continue: ",
              e.id(),
              app.database().config().displayUrl(),
              market == null ? "" : " (market " + market.toUpperCase(Locale.ROOT) + " only)");
      return answer != null && answer.trim().equalsIgnoreCase("yes");
    }
  }

  @Command(
      name = "pre-deploy",
      description = "Take a pre-deploy-<timestamp> backup and write the .rollback_state file.")
  static final class PreDeploy implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        BackupService s = service(app);
        BackupEntry e = s.preDeploy(VersionProvider.version());
        System.out.println(e.id() + " " + e.path());
        System.out.println("rollback state: " + s.config().rollbackStateFile());
        return 0;
      }
    }
  }
}
