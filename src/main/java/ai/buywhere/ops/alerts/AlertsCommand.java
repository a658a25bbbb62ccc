package ai.buywhere.ops.alerts;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.cli.CommonOptions;
import ai.buywhere.shared.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buywhere alerts list|export-prometheus}: the alert states the evaluator persisted (or the
 * effective rules with {@code --rules}), and the rules as a Prometheus rules file.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Alert rules and their current state.",
    subcommands = {AlertsCommand.ListCommand.class, AlertsCommand.ExportCommand.class})
public final class AlertsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Firing, pending and recently resolved alerts (or the rules with --rules).")
  static final class ListCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--rules", description = "List the effective rules and thresholds instead.")
    boolean rules;

    @Option(names = "--json", description = "JSON output.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Settings settings = common.settings();
      List<AlertRule> effective = AlertRules.load(settings);
      if (rules) {
        printRules(out, effective);
        return 0;
      }
      List<AlertState> states;
      try (Application app = Application.open(settings)) {
        states = new AlertStateRepository(app.database()).all();
      }
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AlertState s : states) {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("rule", s.rule());
          r.put("level", s.level().wire());
          r.put("state", s.phase().wire());
          r.put("labels", s.labels());
          r.put("value", Double.isFinite(s.value()) ? s.value() : null);
          r.put("active_since", Instant.ofEpochMilli(s.activeSince()).toString());
          r.put(
              "fired_at",
              s.firedAt() == null ? null : Instant.ofEpochMilli(s.firedAt()).toString());
          r.put(
              "resolved_at",
              s.resolvedAt() == null ? null : Instant.ofEpochMilli(s.resolvedAt()).toString());
          rows.add(r);
        }
        out.println(
            Json.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("alerts", rows)));
        return 0;
      }
      long firing = states.stream().filter(s -> s.phase() == AlertState.Phase.FIRING).count();
      out.printf(
          "%d rules loaded; %d firing, %d pending%n",
          effective.size(),
          firing,
          states.stream().filter(s -> s.phase() == AlertState.Phase.PENDING).count());
      if (!states.isEmpty()) {
        out.printf(
            "%-26s %-8s %-9s %-10s %-22s %s%n",
            "RULE", "LEVEL", "STATE", "VALUE", "SINCE", "LABELS");
        for (AlertState s : states) {
          out.printf(
              "%-26s %-8s %-9s %-10s %-22s %s%n",
              s.rule(),
              s.level().wire(),
              s.phase().wire(),
              AlertEvent.format(s.value()),
              Instant.ofEpochMilli(s.activeSince()).toString(),
              s.labels().isEmpty() ? "" : s.labels());
        }
      }
      return 0;
    }

    private static void printRules(PrintWriter out, List<AlertRule> rules) {
      out.printf(
          "%-26s %-34s %-3s %-8s %-8s %-5s %-6s %-8s %s%n",
          "RULE", "METRIC", "OP", "WARNING", "CRITICAL", "FOR", "SEV", "TEAM", "CHANNEL");
      for (AlertRule r : rules) {
        out.printf(
            "%-26s %-34s %-3s %-8s %-8s %-5s %-6s %-8s %s%n",
            r.name(),
            r.metric(),
            r.op(),
            AlertEvent.format(r.warning()),
            AlertEvent.format(r.critical()),
            AlertRules.promDuration(r.forDuration()),
            r.severity().get(AlertRule.Level.WARNING)
                + "/"
                + r.severity().get(AlertRule.Level.CRITICAL),
            r.team(),
            r.channel());
      }
    }
  }

  @Command(
      name = "export-prometheus",
      mixinStandardHelpOptions = true,
      description = "Print the rules as a Prometheus rules file (promtool check rules accepts it).")
  static final class ExportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() {
      String text = PrometheusRulesExporter.export(AlertRules.load(common.settings()));
      if (output == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        try {
          Files.writeString(output, text);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + output, e);
        }
      }
      return 0;
    }
  }
}
