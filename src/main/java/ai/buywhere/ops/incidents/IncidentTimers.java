package ai.buywhere.ops.incidents;

import ai.buywhere.ops.incidents.Incident.Status;
import ai.buywhere.ops.incidents.IncidentNotifier.PdAction;
import ai.buywhere.ops.incidents.IncidentPolicy.Stage;
import ai.buywhere.ops.incidents.IncidentPolicy.Step;
import ai.buywhere.ops.incidents.TimelineEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The time-driven half of incidents: SLA deadlines and escalation steps for one incident at a given
 * time. Each breach and each step is claimed by a compare-and-set update before it is recorded and
 * announced, so concurrent or restarted callers never repeat one. Steps missed while no node was
 * running are notified in order on the next pass.
 */
final class IncidentTimers {
  private final IncidentRepository repo;
  private final IncidentPolicy policy;
  private final IncidentNotifier notifier;
  private final IncidentMetrics metrics;

  IncidentTimers(
      IncidentRepository repo,
      IncidentPolicy policy,
      IncidentNotifier notifier,
      IncidentMetrics metrics) {
    this.repo = repo;
    this.policy = policy;
    this.notifier = notifier;
    this.metrics = metrics;
  }

  /** Records each stage not reached by its deadline (once per stage). */
  void checkSla(Incident i, long now) {
    IncidentPolicy.Sla sla = policy.sla(i.severity());
    for (Stage stage : Stage.values()) {
      Duration d = sla.of(stage);
      if (d == null || i.breached(stage) || i.reachedAt(stage) != null) {
        continue;
      }
      long deadline = i.openedAt() + d.toMillis();
      if (now > deadline && repo.markBreached(i.id(), stage)) {
        String msg =
            stage.wire()
                + " SLA of "
                + human(d)
                + " breached (due "
                + Instant.ofEpochMilli(deadline)
                + ")";
        repo.addEvent(i.id(), now, Type.SLA_BREACHED, "system", msg);
        metrics.breaches(i.severity(), stage).increment();
        notifier.announce(
            i,
            policy.channels(i.severity()),
            i.severity() + " " + i.id() + " " + msg + ": " + i.title(),
            null,
            null,
            Instant.ofEpochMilli(now));
      }
    }
  }

  void escalate(Incident i, long now) {
    IncidentPolicy.Chain chain = policy.chain(i.severity());
    Set<Status> continuing =
        chain.stopOn() == IncidentPolicy.StopOn.ACKNOWLEDGED
            ? EnumSet.of(Status.OPEN)
            : EnumSet.of(Status.OPEN, Status.ACKNOWLEDGED, Status.ENGAGED);
    if (!continuing.contains(i.status())) {
      return;
    }
    Instant opened = Instant.ofEpochMilli(i.openedAt());
    int due = -1;
    for (int k = 0; k < chain.steps().size(); k++) {
      if (!chain
          .steps()
          .get(k)
          .dueAt(opened, policy.rotation())
          .isAfter(Instant.ofEpochMilli(now))) {
        due = k;
      }
    }
    if (due <= i.escalationStep()
        || !repo.advanceEscalation(i.id(), i.escalationStep(), due, continuing, now)) {
      return;
    }
    Instant at = Instant.ofEpochMilli(now);
    for (int k = i.escalationStep() + 1; k <= due; k++) {
      Step step = chain.steps().get(k);
      String who = policy.resolveTarget(step.target(), at);
      String as = who.equals(step.target()) ? step.describe() : who + " (" + step.describe() + ")";
      String msg;
      if (k == 0) {
        msg = "notified " + as;
        repo.addEvent(i.id(), now, Type.NOTIFIED, "system", msg);
      } else {
        msg =
            "escalated to "
                + as
                + ": not "
                + (chain.stopOn() == IncidentPolicy.StopOn.ACKNOWLEDGED
                    ? "acknowledged"
                    : "resolved")
                + " after "
                + human(Duration.ofMillis(now - i.openedAt()));
        repo.addEvent(i.id(), now, Type.ESCALATED, "system", msg);
        metrics.escalations(i.severity()).increment();
      }
      String text =
          (k == 0 ? i.severity() + " INCIDENT " : i.severity() + " ESCALATION ")
              + i.id()
              + ": "
              + i.title()
              + (i.impact() == null ? "" : " | Impact: " + i.impact())
              + " | "
              + msg;
      notifier.announce(i, policy.channels(i.severity()), text, PdAction.TRIGGER, who, at);
    }
  }

  static String human(Duration d) {
    long m = d.toMinutes();
    if (m >= 60 && m % 60 == 0) {
      return (m / 60) + "h";
    }
    if (m >= 60) {
      return (m / 60) + "h " + (m % 60) + "m";
    }
    return m + "m";
  }
}
