package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buywhere deploy monitor|status|history|circuit-breaker}: the deployment runbook's {@code
 * deployment-monitor.sh}. Works against any deployment URL; needs no database.
 */
@Command(
    name = "deploy",
    description = "Post-deployment monitoring with a circuit breaker (deployment runbook).",
    mixinStandardHelpOptions = true,
    subcommands = {
      DeployCommand.Monitor.class,
      DeployCommand.Status.class,
      DeployCommand.History.class,
      DeployCommand.Breaker.class
    })
public final class DeployCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("use: buywhere deploy monitor|status|history|circuit-breaker --help");
  }

  /** Shared --state-dir / --json options. */
  static final class StateOptions {
    @Option(
        names = "--state-dir",
        paramLabel = "DIR",
        defaultValue = ".deployment_state",
        description = "State directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;
  }

  @Command(
      name = "monitor",
      mixinStandardHelpOptions = true,
      description = "Poll health and metrics; open the breaker and roll back on failure.")
  static final class Monitor implements Callable<Integer> {
    @Option(names = "--environment", required = true, description = "staging | production | …")
    String environment;

    @Option(names = "--api-url", required = true, description = "Base URL of the deployment.")
    String apiUrl;

    @Option(
        names = "--duration",
        paramLabel = "S",
        description = "Seconds to monitor (default: thresholds file).")
    Integer duration;

    @Option(
        names = "--check-interval",
        paramLabel = "S",
        description = "Seconds between checks (default: thresholds file).")
    Integer interval;

    @Option(
        names = "--thresholds",
        defaultValue = "config/deployment-thresholds.yaml",
        description = "Thresholds file (default: ${DEFAULT-VALUE}).")
    Path thresholds;

    @Option(
        names = "--rollback-command",
        paramLabel = "CMD",
        description =
            "Run when the breaker opens (env DEPLOY_ROLLBACK_COMMAND); see scripts/rollback.sh.")
    String rollbackCommand;

    @picocli.CommandLine.Mixin StateOptions state = new StateOptions();

    @Override
    public Integer call() throws Exception {
      DeployThresholds t = DeployThresholds.load(thresholds, environment);
      String hook =
          rollbackCommand != null ? rollbackCommand : System.getenv("DEPLOY_ROLLBACK_COMMAND");
      DeployMonitor monitor =
          new DeployMonitor(
              new TargetProbe(apiUrl, Duration.ofSeconds(5)),
              t,
              new DeployStateStore(state.stateDir),
              new RollbackHook(hook, 600),
              Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()),
              state.json
                  ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream())
                  : System.out);
      DeployMonitor.Outcome o =
          monitor.run(
              Duration.ofSeconds(duration != null ? duration : t.durationSeconds()),
              Duration.ofSeconds(interval != null ? interval : t.checkIntervalSeconds()));
      if (state.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("passed", !o.breakerOpen());
        m.put("checks", o.checks());
        m.put("failed_checks", o.failedChecks());
        m.put("rollback", o.rollback());
        System.out.println(Json.mapper().writeValueAsString(m));
      }
      return o.breakerOpen() ? 1 : 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show the breaker and the last check.")
  static final class Status implements Callable<Integer> {
    @Option(names = "--environment", defaultValue = "production")
    String environment;

    @picocli.CommandLine.Mixin StateOptions state = new StateOptions();

    @Override
    public Integer call() throws Exception {
      DeployStateStore store = new DeployStateStore(state.stateDir);
      var breaker = store.loadBreaker(environment);
      List<String> history = store.history(environment);
      String last = history.isEmpty() ? null : history.get(history.size() - 1);
      if (state.json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("circuit_breaker", breaker.orElse(null));
        m.put("last_event", last == null ? null : Json.mapper().readTree(last));
        System.out.println(Json.mapper().writeValueAsString(m));
      } else {
        System.out.println("environment: " + environment);
        System.out.println(
            "circuit breaker: "
                + breaker
                    .map(
                        b ->
                            b.state()
                                + (b.isOpen()
                                    ? " since " + b.openedAt() + " (" + b.openReason() + ")"
                                    : ""))
                    .orElse("closed (no state yet)"));
        System.out.println("last event: " + (last == null ? "none" : last));
      }
      return breaker.map(b -> b.isOpen() ? 1 : 0).orElse(0);
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "Print the monitoring history.")
  static final class History implements Callable<Integer> {
    @Option(names = "--environment", description = "Only this environment.")
    String environment;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @picocli.CommandLine.Mixin StateOptions state = new StateOptions();

    @Override
    public Integer call() {
      List<String> lines = new DeployStateStore(state.stateDir).history(environment);
      lines.subList(Math.max(0, lines.size() - limit), lines.size()).forEach(System.out::println);
      return 0;
    }
  }

  @Command(
      name = "circuit-breaker",
      mixinStandardHelpOptions = true,
      description = "Show or reset the breaker.")
  static final class Breaker implements Callable<Integer> {
    @Option(names = "--environment", defaultValue = "production")
    String environment;

    @Option(names = "--reset", description = "Close the breaker (deletes its state file).")
    boolean reset;

    @picocli.CommandLine.Mixin StateOptions state = new StateOptions();

    @Override
    public Integer call() throws Exception {
      DeployStateStore store = new DeployStateStore(state.stateDir);
      if (reset) {
        boolean existed = store.resetBreaker(environment);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("at", java.time.Instant.now().toString());
        ev.put("event", "reset");
        store.appendHistory(environment, ev);
        System.out.println(
            "circuit breaker for "
                + environment
                + (existed ? " reset to closed" : " was already closed"));
        return 0;
      }
      var breaker = store.loadBreaker(environment);
      System.out.println(
          state.json
              ? Json.mapper().writeValueAsString(breaker.orElse(null))
              : breaker
                  .map(
                      b ->
                          environment
                              + ": "
                              + b.state()
                              + ", consecutive failures "
                              + b.consecutiveFailures()
                              + "/"
                              + b.failureThreshold()
                              + (b.isOpen()
                                  ? ", opened " + b.openedAt() + ": " + b.openReason()
                                  : ""))
                  .orElse(environment + ": closed (no state)"));
      return breaker.map(b -> b.isOpen() ? 1 : 0).orElse(0);
    }
  }
}
