package ai.buywhere.ops.alerts;

import ai.buywhere.ops.alerts.AlertRule.Level;
import ai.buywhere.ops.alerts.AlertState.Phase;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules against the metric registry: every {@code interval} (15 s by default) each
 * rule's series are compared with its thresholds and each (rule, level, series) moves through
 * pending → firing → resolved. Firing and resolving are announced to the {@link AlertListener}s
 * once; the state lives in the database (conditional updates), so a restart or a second node does
 * not announce a transition again. Time comes from the injected clock.
 *
 * <p>{@link #evaluate()} is single-threaded by contract (the scheduler calls it serially; tests
 * call it directly). A series that disappears counts as no longer breached.
 */
public final class AlertEvaluator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
  private static final Duration KEEP_RESOLVED = Duration.ofDays(7);

  private final List<AlertRule> rules;
  private final MeterRegistry registry;
  private final AlertStateRepository states;
  private final Clock clock;
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService scheduler;

  public AlertEvaluator(
      List<AlertRule> rules, MeterRegistry registry, AlertStateRepository states, Clock clock) {
    this.rules = List.copyOf(rules);
    this.registry = registry;
    this.states = states;
    this.clock = clock;
  }

  public AlertEvaluator subscribe(AlertListener listener) {
    listeners.add(listener);
    return this;
  }

  public List<AlertRule> rules() {
    return rules;
  }

  /** Starts evaluating every {@code interval} on a daemon thread. */
  public synchronized void start(Duration interval) {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alert-evaluator");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            evaluate();
          } catch (RuntimeException e) {
            log.warn("alert evaluation failed: {}", e.toString());
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** One evaluation pass; returns the transitions it announced. */
  public List<AlertEvent> evaluate() {
    long now = clock.millis();
    Map<String, AlertState> current = new HashMap<>();
    for (AlertState s : states.all()) {
      current.put(s.key(), s);
    }
    List<AlertEvent> events = new java.util.ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AlertRule rule : rules) {
      for (Map.Entry<Map<String, String>, Double> series : read(rule).entrySet()) {
        for (Level level : Level.values()) {
          if (rule.threshold(level) == null) {
            continue;
          }
          String key = key(rule, level, series.getKey());
          seen.add(key);
          step(rule, level, key, series.getKey(), series.getValue(), current.get(key), now, events);
        }
      }
    }
    // series that vanished, and rules that were removed or disabled: no longer breached
    for (AlertState s : current.values()) {
      if (!seen.contains(s.key()) && s.phase() != Phase.RESOLVED) {
        AlertRule rule =
            rules.stream().filter(r -> r.name().equals(s.rule())).findFirst().orElse(null);
        end(rule, s, s.value(), now, events);
      }
    }
    states.pruneResolved(now - KEEP_RESOLVED.toMillis());
    for (AlertEvent e : events) {
      for (AlertListener l : listeners) {
        try {
          l.onAlert(e);
        } catch (RuntimeException ex) {
          log.warn("alert listener failed on {}: {}", e.rule().name(), ex.toString());
        }
      }
    }
    return events;
  }

  private void step(
      AlertRule rule,
      Level level,
      String key,
      Map<String, String> labels,
      double value,
      AlertState s,
      long now,
      List<AlertEvent> events) {
    boolean breached = rule.breached(level, value);
    if (!breached) {
      if (s != null) {
        end(rule, s, value, now, events);
      }
      return;
    }
    boolean immediate = rule.forDuration().isZero();
    if (s == null || s.phase() == Phase.RESOLVED) {
      AlertState fresh =
          new AlertState(
              key,
              rule.name(),
              level,
              labels,
              immediate ? Phase.FIRING : Phase.PENDING,
              value,
              now,
              immediate ? now : null,
              null,
              now);
      if (states.start(fresh) && immediate) {
        events.add(
            new AlertEvent(AlertEvent.Status.FIRING, rule, fresh, rule.severity().get(level)));
      }
      return;
    }
    if (s.phase() == Phase.PENDING && now - s.activeSince() >= rule.forDuration().toMillis()) {
      AlertState firing = s.with(Phase.FIRING, value, now, null, now);
      if (states.transition(Phase.PENDING, firing)) {
        events.add(
            new AlertEvent(AlertEvent.Status.FIRING, rule, firing, rule.severity().get(level)));
      }
    } else {
      states.transition(s.phase(), s.with(s.phase(), value, s.firedAt(), null, now));
    }
  }

  private void end(AlertRule rule, AlertState s, double value, long now, List<AlertEvent> events) {
    if (s.phase() == Phase.PENDING) {
      states.cancelPending(s.key());
    } else if (s.phase() == Phase.FIRING) {
      AlertState resolved = s.with(Phase.RESOLVED, value, s.firedAt(), now, now);
      if (states.transition(Phase.FIRING, resolved) && rule != null) {
        events.add(
            new AlertEvent(
                AlertEvent.Status.RESOLVED, rule, resolved, rule.severity().get(s.level())));
      }
    }
  }

  /** The rule's series: label set → current value (NaN values are skipped). */
  private Map<Map<String, String>, Double> read(AlertRule rule) {
    Map<Map<String, String>, Double> out = new HashMap<>();
    for (Meter m : registry.find(rule.metric()).meters()) {
      Map<String, String> labels = new TreeMap<>();
      for (Tag t : m.getId().getTags()) {
        labels.put(t.getKey(), t.getValue());
      }
      if (!rule.matches(labels)) {
        continue;
      }
      double value = Double.NaN;
      for (Measurement ms : m.measure()) {
        value = ms.getValue();
        break;
      }
      if (!Double.isNaN(value)) {
        out.put(labels, value);
      }
    }
    return out;
  }

  static String key(AlertRule rule, Level level, Map<String, String> labels) {
    return rule.name() + "/" + level.wire() + AlertStateRepository.labelsJson(labels);
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
