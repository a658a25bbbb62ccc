package ai.buywhere.ops.incidents;

import ai.buywhere.app.Application;
import ai.buywhere.cli.CommonOptions;
import ai.buywhere.shared.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buywhere incident open|ack|engage|note|resolve|list|show|report}: the responder's side of
 * incidents, on the same database as the server. Changes announce on Slack/PagerDuty like the admin
 * API (the command waits for delivery before exiting); the actor is {@code cli:<os user>}. SLA
 * timers and escalation are driven by the server's ticker, not by these commands.
 */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "Open, acknowledge, engage, annotate, resolve and report incidents.",
    subcommands = {
      IncidentCommand.Open.class,
      IncidentCommand.Ack.class,
      IncidentCommand.Engage.class,
      IncidentCommand.Note.class,
      IncidentCommand.Resolve.class,
      IncidentCommand.ListIncidents.class,
      IncidentCommand.Show.class,
      IncidentCommand.Report.class
    })
public final class IncidentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  static <T> T with(CommonOptions common, Function<Application, T> body) {
    try (Application app = Application.open(common.settings())) {
      return body.apply(app);
    }
  }

  /** Shared by the sub-commands that act on one incident and print it afterwards. */
  abstract static class Base implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the incident as JSON.")
    boolean json;

    abstract Incident act(IncidentService s);

    @Override
    public Integer call() throws Exception {
      String out =
          with(
              common,
              app -> {
                IncidentService s = app.incidents().service();
                Incident i = act(s);
                return json ? toJson(IncidentViews.full(i, s.policy())) : describe(i);
              });
      spec.commandLine().getOut().print(out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "open", description = "Open an incident (announces and starts the chain).")
  static final class Open extends Base {
    @Option(names = "--severity", required = true, description = "P1, P2, P3 or P4.")
    String severity;

    @Option(names = "--title", required = true, description = "Short description.")
    String title;

    @Option(names = "--impact", description = "What is affected.")
    String impact;

    @Override
    Incident act(IncidentService s) {
      return s.open(severity, title, impact, actor());
    }
  }

  @Command(name = "ack", description = "Acknowledge: stops paging (P1/P2 chains).")
  static final class Ack extends Base {
    @Parameters(paramLabel = "ID", description = "INC-<n>")
    String id;

    @Override
    Incident act(IncidentService s) {
      return s.acknowledge(id, actor());
    }
  }

  @Command(name = "engage", description = "Engaged: someone is working on it.")
  static final class Engage extends Base {
    @Parameters(paramLabel = "ID", description = "INC-<n>")
    String id;

    @Option(names = "--commander", description = "Incident commander (default: you).")
    String commander;

    @Override
    Incident act(IncidentService s) {
      return s.engage(id, actor(), commander);
    }
  }

  @Command(name = "note", description = "Add a note to the timeline.")
  static final class Note extends Base {
    @Parameters(index = "0", paramLabel = "ID", description = "INC-<n>")
    String id;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Override
    Incident act(IncidentService s) {
      return s.note(id, actor(), text);
    }
  }

  @Command(name = "resolve", description = "Resolve the incident.")
  static final class Resolve extends Base {
    @Parameters(paramLabel = "ID", description = "INC-<n>")
    String id;

    @Option(names = "--resolution", description = "What fixed it (goes into the report).")
    String resolution;

    @Override
    Incident act(IncidentService s) {
      return s.resolve(id, actor(), resolution);
    }
  }

  @Command(name = "show", description = "One incident with its SLA and timeline.")
  static final class Show extends Base {
    @Parameters(paramLabel = "ID", description = "INC-<n>")
    String id;

    @Override
    Incident act(IncidentService s) {
      return s.get(id);
    }
  }

  @Command(name = "report", description = "The post-incident report as Markdown.")
  static final class Report implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "INC-<n>")
    String id;

    @Override
    public Integer call() {
      String md =
          with(
              common,
              app ->
                  IncidentReport.render(app.incidents().service().get(id), app.clock().instant()));
      spec.commandLine().getOut().print(md);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "list", description = "Incidents, newest first.")
  static final class ListIncidents implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--open", description = "Only those not yet resolved.")
    boolean open;

    @Option(names = "--json", description = "JSON output.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<Incident> all = with(common, app -> app.incidents().service().list(open));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.print(toJson(all.stream().map(IncidentViews::summary).toList()));
      } else if (all.isEmpty()) {
        out.println(open ? "no open incidents" : "no incidents");
      } else {
        out.printf(
            "%-10s %-3s %-13s %-21s %-20s %s%n",
            "ID", "SEV", "STATUS", "OPENED", "COMMANDER", "TITLE");
        for (Incident i : all) {
          out.printf(
              "%-10s %-3s %-13s %-21s %-20s %s%n",
              i.id(),
              i.severity(),
              i.status().wire(),
              IncidentViews.iso(i.openedAt()),
              i.commander() == null ? "-" : i.commander(),
              i.title());
        }
      }
      out.flush();
      return 0;
    }
  }

  static String toJson(Object v) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(v) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String describe(Incident i) {
    StringBuilder sb = new StringBuilder();
    sb.append(i.id()).append("  ").append(i.severity()).append("  ").append(i.status().wire());
    sb.append("\n  title:     ").append(i.title());
    if (i.impact() != null) {
      sb.append("\n  impact:    ").append(i.impact());
    }
    sb.append("\n  commander: ").append(i.commander() == null ? "-" : i.commander());
    sb.append("\n  opened:    ").append(IncidentViews.iso(i.openedAt()));
    for (Map.Entry<String, Long> e :
        List.of(
            Map.entry("acknowledged", i.acknowledgedAt() == null ? -1L : i.acknowledgedAt()),
            Map.entry("engaged", i.engagedAt() == null ? -1L : i.engagedAt()),
            Map.entry("resolved", i.resolvedAt() == null ? -1L : i.resolvedAt()))) {
      if (e.getValue() >= 0) {
        sb.append("\n  ")
            .append(String.format("%-11s", e.getKey() + ":"))
            .append(IncidentViews.iso(e.getValue()));
      }
    }
    sb.append("\n  timeline:");
    for (TimelineEvent e : i.timeline()) {
      sb.append("\n    ")
          .append(IncidentViews.iso(e.at()))
          .append("  ")
          .append(e.type().wire())
          .append("  ")
          .append(e.actor());
      if (e.message() != null) {
        sb.append("  ").append(e.message());
      }
    }
    return sb.append('\n').toString();
  }
}
