package ai.buywhere.ops.notify;

import ai.buywhere.ops.alerts.AlertEvent;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}): {@code trigger} when an alert fires, {@code
 * resolve} with the same {@code dedup_key} when it resolves. Only events at or above {@code
 * PAGERDUTY_MIN_SEVERITY} (P2 by default: the runbook pages for P1 and P2).
 */
final class PagerDutyNotifier implements Notifier {
  static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

  private final URI url;
  private final String routingKey;
  private final int maxRank;
  private final String source;

  PagerDutyNotifier(URI url, String routingKey, int maxRank, String source) {
    this.url = url;
    this.routingKey = routingKey;
    this.maxRank = maxRank;
    this.source = source;
  }

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public boolean accepts(AlertEvent event) {
    return Notifier.rank(event.severity()) <= maxRank;
  }

  @Override
  public Map<String, Object> payload(AlertEvent e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("routing_key", routingKey);
    out.put("dedup_key", "buywhere/" + e.state().key());
    if (e.status() == AlertEvent.Status.RESOLVED) {
      out.put("event_action", "resolve");
      return out;
    }
    out.put("event_action", "trigger");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("priority", e.severity());
    details.put("team", e.rule().team());
    details.put("channel", e.rule().channel());
    details.put("value", Double.isFinite(e.state().value()) ? e.state().value() : null);
    details.put("threshold", e.threshold());
    details.put("labels", e.state().labels());
    details.put("action", e.rule().action());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("summary", e.headline());
    payload.put("source", source);
    payload.put("severity", pdSeverity(e.severity()));
    payload.put(
        "timestamp",
        Instant.ofEpochMilli(
                e.state().firedAt() == null ? e.state().updatedAt() : e.state().firedAt())
            .toString());
    payload.put("component", e.rule().metric());
    payload.put("group", e.rule().team());
    payload.put("class", e.rule().name());
    payload.put("custom_details", details);
    out.put("payload", payload);
    return out;
  }

  /** PagerDuty knows critical, error, warning, info. */
  static String pdSeverity(String priority) {
    return switch (Notifier.rank(priority)) {
      case 1 -> "critical";
      case 2 -> "error";
      case 3 -> "warning";
      default -> "info";
    };
  }
}
