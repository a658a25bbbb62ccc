package ai.buywhere.ops.incidents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code buywhere_incidents_open{severity}} (gauge, refreshed from the database after every change
 * and tick), {@code buywhere_incident_sla_breaches_total{severity,stage}} and {@code
 * buywhere_incident_escalations_total{severity}}; every series is registered up front at zero.
 */
final class IncidentMetrics {
  private final Map<Severity, AtomicLong> open = new EnumMap<>(Severity.class);
  private final MeterRegistry registry;

  IncidentMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Severity s : Severity.values()) {
      AtomicLong v = new AtomicLong();
      open.put(s, v);
      Gauge.builder("buywhere_incidents_open", v, AtomicLong::get)
          .description("Incidents not yet resolved, by severity")
          .tag("severity", s.name())
          .register(registry);
      escalations(s);
      for (IncidentPolicy.Stage st : IncidentPolicy.Stage.values()) {
        breaches(s, st);
      }
    }
  }

  void setOpen(Map<Severity, Long> counts) {
    counts.forEach((s, n) -> open.get(s).set(n));
  }

  Counter breaches(Severity s, IncidentPolicy.Stage stage) {
    return Counter.builder("buywhere_incident_sla_breaches")
        .description("Incident SLA stages (acknowledge, engage, resolve) that ran out")
        .tag("severity", s.name())
        .tag("stage", stage.wire())
        .register(registry);
  }

  Counter escalations(Severity s) {
    return Counter.builder("buywhere_incident_escalations")
        .description("Escalation steps notified beyond the first")
        .tag("severity", s.name())
        .register(registry);
  }
}
