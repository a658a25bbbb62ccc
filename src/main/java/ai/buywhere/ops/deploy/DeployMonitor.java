package ai.buywhere.ops.deploy;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Post-deployment monitoring (deployment runbook, R42): probes the deployment every check interval
 * for the monitoring duration, judges each interval's 5xx rate and P99 (from the Prometheus counter
 * and histogram deltas) against the environment's thresholds, and drives the circuit breaker. When
 * the breaker opens, the rollback hook runs once and its outcome is recorded. Every check is
 * appended to the history file.
 */
final class DeployMonitor {
  /** How the monitor waits between checks; tests pass one that returns at once. */
  interface Pause {
    void sleep(Duration d) throws InterruptedException;
  }

  /** What the monitor did: whether the breaker is open at the end and how many checks ran. */
  record Outcome(boolean breakerOpen, int checks, int failedChecks, RollbackHook.Result rollback) {}

  private final TargetProbe probe;
  private final DeployThresholds thresholds;
  private final DeployStateStore store;
  private final RollbackHook rollback;
  private final Clock clock;
  private final Pause pause;
  private final PrintStream out;

  DeployMonitor(
      TargetProbe probe,
      DeployThresholds thresholds,
      DeployStateStore store,
      RollbackHook rollback,
      Clock clock,
      Pause pause,
      PrintStream out) {
    this.probe = probe;
    this.thresholds = thresholds;
    this.store = store;
    this.rollback = rollback;
    this.clock = clock;
    this.pause = pause;
    this.out = out;
  }

  Outcome run(Duration duration, Duration interval) throws InterruptedException {
    String env = thresholds.environment();
    CircuitBreaker breaker =
        store
            .loadBreaker(env)
            .orElse(CircuitBreaker.closed(env, thresholds.consecutiveFailures(), clock.instant()));
    if (breaker.isOpen()) {
      out.printf(
          "circuit breaker for %s is OPEN since %s (%s); deployments are blocked.%n"
              + "Investigate, then reset: buywhere deploy circuit-breaker --environment %s --reset%n",
          env, breaker.openedAt(), breaker.openReason(), env);
      return new Outcome(true, 0, 0, null);
    }
    int checks = (int) Math.max(1, duration.toSeconds() / Math.max(1, interval.toSeconds()));
    out.printf(
        "monitoring %s for %ds every %ds (5xx > %.1f%%, P99 > %.0f ms, %d consecutive failures)%n",
        env,
        duration.toSeconds(),
        interval.toSeconds(),
        thresholds.errorRatePercent(),
        thresholds.latencyP99Millis(),
        thresholds.consecutiveFailures());
    TargetProbe.Probe previous = probe.probe();
    int failed = 0;
    RollbackHook.Result rolled = null;
    for (int i = 1; i <= checks; i++) {
      pause.sleep(interval);
      TargetProbe.Probe now = probe.probe();
      CheckResult r = CheckResult.judge(previous, now, thresholds);
      previous = now;
      boolean wasOpen = breaker.isOpen();
      breaker =
          r.passed()
              ? breaker.onSuccess(clock.instant())
              : breaker.onFailure(String.join("; ", r.failures()), r.critical(), clock.instant());
      if (!r.passed()) {
        failed++;
      }
      store.saveBreaker(breaker);
      store.appendHistory(env, event(i, r, breaker));
      out.printf(
          "[%d/%d] health=%s requests=%.0f 5xx=%.2f%% p99=%s %s%n",
          i,
          checks,
          r.healthStatus() == 0 ? "unreachable" : r.healthStatus(),
          r.requests(),
          r.errorRatePercent(),
          Double.isNaN(r.p99Millis()) ? "n/a" : String.format("%.0fms", r.p99Millis()),
          r.passed() ? "OK" : "FAIL: " + String.join("; ", r.failures()));
      if (!wasOpen && breaker.isOpen()) {
        out.printf("circuit breaker OPEN: %s%n", breaker.openReason());
        rolled = rollback.run(env);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("at", clock.instant().toString());
        ev.put("event", "rollback");
        ev.put("command", rolled.command());
        ev.put("exit_code", rolled.exitCode());
        ev.put("output", rolled.output());
        store.appendHistory(env, ev);
        out.printf("rollback hook: %s%n", rolled.summary());
        break;
      }
    }
    out.printf(
        "%s: %d checks, %d failed, breaker %s%n",
        breaker.isOpen() ? "FAILED" : "PASSED", checks, failed, breaker.state());
    return new Outcome(breaker.isOpen(), checks, failed, rolled);
  }

  private Map<String, Object> event(int i, CheckResult r, CircuitBreaker b) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("at", clock.instant().toString());
    ev.put("event", "check");
    ev.put("check", i);
    ev.put("health_status", r.healthStatus());
    ev.put("requests", r.requests());
    ev.put("error_rate_pct", round(r.errorRatePercent()));
    ev.put("p99_ms", Double.isNaN(r.p99Millis()) ? null : round(r.p99Millis()));
    ev.put("passed", r.passed());
    ev.put("failures", r.failures());
    ev.put("breaker", b.state());
    return ev;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
