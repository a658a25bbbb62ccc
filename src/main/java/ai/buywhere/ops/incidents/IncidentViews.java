package ai.buywhere.ops.incidents;

import ai.buywhere.ops.incidents.IncidentPolicy.Stage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire shapes (snake_case, ISO-8601 UTC times) for the admin API, the CLI's JSON and /status. */
final class IncidentViews {
  private IncidentViews() {}

  static Map<String, Object> full(Incident i, IncidentPolicy policy) {
    Map<String, Object> out = summary(i);
    Map<String, Object> sla = new LinkedHashMap<>();
    IncidentPolicy.Sla s = policy.sla(i.severity());
    for (Stage stage : Stage.values()) {
      if (s.of(stage) == null) {
        continue;
      }
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("due_at", iso(i.openedAt() + s.of(stage).toMillis()));
      st.put("met_at", iso(i.reachedAt(stage)));
      st.put("breached", i.breached(stage));
      sla.put(stage.wire(), st);
    }
    out.put("sla", sla);
    IncidentPolicy.Chain chain = policy.chain(i.severity());
    int next = i.escalationStep() + 1;
    boolean stopped =
        i.status() == Incident.Status.RESOLVED
            || (chain.stopOn() == IncidentPolicy.StopOn.ACKNOWLEDGED
                && i.status() != Incident.Status.OPEN);
    Map<String, Object> esc = new LinkedHashMap<>();
    esc.put("steps_notified", next);
    if (!stopped && next < chain.steps().size()) {
      IncidentPolicy.Step step = chain.steps().get(next);
      esc.put(
          "next",
          Map.of(
              "notify",
              step.describe(),
              "due_at",
              step.dueAt(Instant.ofEpochMilli(i.openedAt()), policy.rotation()).toString()));
    } else {
      esc.put("next", null);
    }
    out.put("escalation", esc);
    List<Map<String, Object>> timeline =
        i.timeline().stream()
            .map(
                e -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("at", iso(e.at()));
                  m.put("type", e.type().wire());
                  m.put("actor", e.actor());
                  m.put("message", e.message());
                  return m;
                })
            .toList();
    out.put("timeline", timeline);
    return out;
  }

  static Map<String, Object> summary(Incident i) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", i.id());
    out.put("severity", i.severity().name());
    out.put("title", i.title());
    out.put("impact", i.impact());
    out.put("status", i.status().wire());
    out.put("commander", i.commander());
    out.put("alert_key", i.alertKey());
    out.put("opened_at", iso(i.openedAt()));
    out.put("acknowledged_at", iso(i.acknowledgedAt()));
    out.put("engaged_at", iso(i.engagedAt()));
    out.put("resolved_at", iso(i.resolvedAt()));
    return out;
  }

  /** What the unauthenticated status page shows: no commander, no alert key. */
  static Map<String, Object> status(Incident i) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", i.id());
    out.put("severity", i.severity().name());
    out.put("title", i.title());
    out.put("impact", i.impact());
    out.put("status", i.status().wire());
    out.put("opened_at", iso(i.openedAt()));
    out.put("resolved_at", iso(i.resolvedAt()));
    return out;
  }

  static String iso(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
