package ai.buywhere.ops.flags;

import ai.buywhere.app.Application;
import ai.buywhere.cli.CommonOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buywhere flags list | set NAME true|false [--reason R] | clear NAME [--reason R]}. Writes
 * go to the database (audited, actor {@code cli:<os user>}), so running servers pick them up on
 * their next poll (within {@code FEATURE_FLAGS_POLL_SECONDS}).
 */
@Command(
    name = "flags",
    description = "List feature flags or set/clear a runtime override.",
    mixinStandardHelpOptions = true,
    subcommands = {
      FlagsCommand.ListCommand.class,
      FlagsCommand.SetCommand.class,
      FlagsCommand.ClearCommand.class
    })
public final class FlagsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  @Command(name = "list", description = "Every known flag, its value and where it comes from.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s %-8s %s%n", "FLAG", "ENABLED", "SOURCE");
        for (FlagState s : app.featureFlags().states()) {
          out.printf("%-36s %-8s %s%n", s.flag(), s.enabled(), s.source().wire());
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "set", description = "Set a runtime override (persisted, audited).")
  static final class SetCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "true|false")
    String value;

    @Option(names = "--reason", paramLabel = "R", description = "Why (kept in the audit trail).")
    String reason;

    @Override
    public Integer call() {
      boolean enabled =
          switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ParameterException(
                    spec.commandLine(), "value must be true or false, got '" + value + "'");
          };
      try (Application app = Application.open(common.settings())) {
        FlagChange c = app.featureFlags().setOverride(name, enabled, actor(), reason);
        spec.commandLine()
            .getOut()
            .printf("%s: %s -> %s (override)%n", c.flag(), c.oldValue(), c.newValue())
            .flush();
      }
      return 0;
    }
  }

  @Command(name = "clear", description = "Remove a runtime override.")
  static final class ClearCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--reason", paramLabel = "R", description = "Why (kept in the audit trail).")
    String reason;

    @Override
    public Integer call() {
      try (Application app = Application.open(common.settings())) {
        FeatureFlags flags = app.featureFlags();
        boolean cleared = flags.clearOverride(name, actor(), reason).isPresent();
        FlagState s = flags.state(name);
        spec.commandLine()
            .getOut()
            .printf(
                "%s: %s%s (%s)%n",
                s.flag(),
                cleared ? "override cleared, now " : "no override, ",
                s.enabled(),
                s.source().wire())
            .flush();
      }
      return 0;
    }
  }
}
