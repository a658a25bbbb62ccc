package ai.buywhere.cli;

import ai.buywhere.app.Application;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.fleet.IngestRuntime;
import ai.buywhere.ingest.run.IngestControls;
import ai.buywhere.ingest.run.Run;
import ai.buywhere.ingest.source.SourceFile;
import ai.buywhere.ingest.source.SourceSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buywhere ingest …}: the sources registry, triggers, runs and controls. Every sub-command
 * acts through the database (the queue and the sources table), so it is safe while servers and
 * workers run; workers pick up triggers on their next poll.
 */
@Command(
    name = "ingest",
    description = "Manage ingestion sources, runs and controls.",
    subcommands = {
      IngestCommand.Sources.class,
      IngestCommand.Trigger.class,
      IngestCommand.Runs.class,
      IngestCommand.Pause.class,
      IngestCommand.Resume.class,
      IngestCommand.Stop.class
    })
final class IngestCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the application and ingestion runtime, runs {@code body}, closes both. */
  static int withRuntime(CommonOptions common, Function<IngestRuntime, Integer> body) {
    try (Application app = Application.open(common.settings());
        IngestRuntime rt =
            IngestRuntime.create(
                app.database(),
                app.catalogWriter(),
                IngestConfig.from(app.settings()),
                app.clock(),
                new SimpleMeterRegistry())) {
      return body.apply(rt);
    }
  }

  static String time(Long millis) {
    return millis == null ? "-" : Instant.ofEpochMilli(millis).toString();
  }

  static String num(Double d) {
    return d == null ? "-" : String.format("%.2f", d);
  }

  @Command(
      name = "sources",
      description = "List, add, show or load sources.",
      subcommands = {SourcesList.class, SourcesAdd.class, SourcesShow.class, SourcesLoad.class})
  static final class Sources implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(name = "list", description = "List sources with status and health.")
  static final class SourcesList implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withRuntime(
          common,
          rt -> {
            out.printf(
                "%-24s %-15s %-7s %-4s %-8s %-7s %-6s %-6s %-24s%n",
                "ID", "KIND", "STATUS", "CC", "CURRENCY", "QUALITY", "STALE", "ERRORS", "LAST RUN");
            for (Source s : rt.sources().list()) {
              out.printf(
                  "%-24s %-15s %-7s %-4s %-8s %-7s %-6s %-6s %-24s%n",
                  s.id(),
                  s.kind().wire(),
                  s.status(),
                  s.countryCode(),
                  s.currency(),
                  num(s.qualityScore()),
                  num(s.staleShare()),
                  num(s.errorRate()),
                  time(s.lastRunAt()));
            }
            return 0;
          });
    }
  }

  @Command(name = "add", description = "Register (or update) a source.")
  static final class SourcesAdd implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "<merchant>_<cc>, e.g. bestbuy_us")
    String id;

    @Option(
        names = "--kind",
        required = true,
        description = "shopify, woocommerce, jsonld_sitemap, google_merchant, csv, jsonl, push")
    String kind;

    @Option(names = "--url", description = "Store base URL or feed URL")
    String url;

    @Option(names = "--country", description = "ISO country code (default: from the id)")
    String country;

    @Option(names = "--currency", description = "ISO 4217 (default: the country's)")
    String currency;

    @Option(names = "--interval-minutes", description = "Schedule interval (default 360)")
    Integer interval;

    @Override
    public Integer call() {
      SourceSpec specIn =
          new SourceSpec(id, kind, url, country, currency, interval, Map.of()).validate();
      return withRuntime(
          common,
          rt -> {
            Source s = rt.sources().upsert(specIn);
            rt.actions().record(s.id(), "register", "cli", null);
            spec.commandLine()
                .getOut()
                .println("registered " + s.id() + " (" + s.kind().wire() + ")");
            return 0;
          });
    }
  }

  @Command(name = "show", description = "Show one source and its recent runs.")
  static final class SourcesShow implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return withRuntime(
          common,
          rt -> {
            Source s = rt.sources().find(id).orElse(null);
            if (s == null) {
              spec.commandLine().getErr().println("no source " + id);
              return 1;
            }
            out.println("id:            " + s.id());
            out.println("kind:          " + s.kind().wire());
            out.println("url:           " + s.url());
            out.println(
                "market:        " + s.countryCode() + " / " + s.region() + " / " + s.currency());
            out.println("interval:      " + s.intervalMinutes() + " min");
            out.println(
                "status:        " + s.status() + (s.paused() ? " (" + s.pausedReason() + ")" : ""));
            out.println("quality_score: " + num(s.qualityScore()));
            out.println("stale_share:   " + num(s.staleShare()));
            out.println("error_rate:    " + num(s.errorRate()));
            out.println("last_run_at:   " + time(s.lastRunAt()));
            out.println("next_run_at:   " + time(s.nextRunAt()));
            out.println();
            printRuns(out, rt.runs().list(s.id(), 10));
            return 0;
          });
    }
  }

  @Command(name = "load", description = "Register every source in a YAML file.")
  static final class SourcesLoad implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml")
    Path file;

    @Override
    public Integer call() {
      List<SourceSpec> specs = SourceFile.read(file);
      return withRuntime(
          common,
          rt -> {
            for (SourceSpec s : specs) {
              rt.sources().upsert(s);
              rt.actions().record(s.id(), "register", "cli", "loaded from " + file.getFileName());
            }
            spec.commandLine().getOut().println("loaded " + specs.size() + " sources from " + file);
            return 0;
          });
    }
  }

  @Command(name = "trigger", description = "Queue a run now for matching sources.")
  static final class Trigger implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--all", description = "Every active source")
    boolean all;

    @Parameters(
        paramLabel = "GLOB",
        arity = "0..*",
        description = "Source globs, e.g. 'us_*' or '*_sg'")
    List<String> globs;

    @Override
    public Integer call() {
      if (!all && (globs == null || globs.isEmpty())) {
        spec.commandLine().getErr().println("give --all or at least one GLOB");
        return 2;
      }
      PrintWriter out = spec.commandLine().getOut();
      return withRuntime(
          common,
          rt -> {
            List<IngestControls.Triggered> t =
                rt.controls().trigger(all ? null : globs, "manual", "cli", null);
            for (IngestControls.Triggered x : t) {
              out.println(
                  x.sourceId()
                      + "  "
                      + (x.runId() == null
                          ? "skipped: " + x.skipped()
                          : (x.created() ? "queued " : "already queued/running ") + x.runId()));
            }
            return t.isEmpty() ? 1 : 0;
          });
    }
  }

  @Command(name = "runs", description = "Recent runs, newest first.")
  static final class Runs implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", description = "Only this source")
    String source;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
      return withRuntime(
          common,
          rt -> {
            printRuns(spec.commandLine().getOut(), rt.runs().list(source, Math.max(1, limit)));
            return 0;
          });
    }
  }

  static void printRuns(PrintWriter out, List<Run> runs) {
    out.printf(
        "%-36s %-20s %-9s %-21s %-3s %-24s %7s %7s %7s %7s  %s%n",
        "RUN", "SOURCE", "TRIGGER", "STATUS", "TRY", "STARTED", "SEEN", "NEW", "CHANGED", "FAILED",
        "SUMMARY");
    for (Run r : runs) {
      out.printf(
          "%-36s %-20s %-9s %-21s %-3d %-24s %7d %7d %7d %7d  %s%n",
          r.id(),
          r.sourceId(),
          r.trigger(),
          r.status().wire(),
          r.attempt(),
          time(r.startedAt()),
          r.rowsSeen(),
          r.rowsInserted(),
          r.rowsUpdated(),
          r.rowsFailed(),
          r.errorSummary() == null ? "" : r.errorSummary());
    }
  }

  /** Shared shape of pause/resume/stop. */
  abstract static class Control implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "GLOB", arity = "1..*")
    List<String> globs;

    @Option(names = "--reason", description = "Recorded with the action")
    String reason;

    abstract List<String> apply(IngestControls c);

    @Override
    public Integer call() {
      return withRuntime(
          common,
          rt -> {
            List<String> ids = apply(rt.controls());
            if (ids.isEmpty()) {
              spec.commandLine().getErr().println("no source matches " + globs);
              return 1;
            }
            spec.commandLine().getOut().println(spec.name() + ": " + String.join(", ", ids));
            return 0;
          });
    }
  }

  @Command(name = "pause", description = "Pause sources (running runs finish; no new runs).")
  static final class Pause extends Control {
    @Override
    List<String> apply(IngestControls c) {
      return c.pause(globs, reason, "cli");
    }
  }

  @Command(name = "resume", description = "Resume paused or stopped sources.")
  static final class Resume extends Control {
    @Override
    List<String> apply(IngestControls c) {
      return c.resume(globs, "cli");
    }
  }

  @Command(name = "stop", description = "Pause sources and cancel their queued and running runs.")
  static final class Stop extends Control {
    @Override
    List<String> apply(IngestControls c) {
      return c.stop(globs, reason, "cli");
    }
  }
}
