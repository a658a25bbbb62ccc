package ai.buywhere.ops.notify;

import ai.buywhere.ops.alerts.AlertEvent;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic JSON webhook ({@code ALERT_WEBHOOK_URL}) receiving every event at or above a severity.
 */
final class WebhookNotifier implements Notifier {
  private final URI url;
  private final int maxRank;

  WebhookNotifier(URI url, int maxRank) {
    this.url = url;
    this.maxRank = maxRank;
  }

  @Override
  public String name() {
    return "webhook";
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
    out.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
    out.put("alert", e.rule().name());
    out.put("key", e.state().key());
    out.put("level", e.state().level().wire());
    out.put("severity", e.severity());
    out.put("team", e.rule().team());
    out.put("channel", e.rule().channel());
    out.put("summary", e.headline());
    out.put("metric", e.rule().metric());
    out.put("labels", e.state().labels());
    out.put("value", Double.isFinite(e.state().value()) ? e.state().value() : null);
    out.put("threshold", e.threshold());
    out.put("action", e.rule().action());
    out.put("active_since", Instant.ofEpochMilli(e.state().activeSince()).toString());
    if (e.state().firedAt() != null) {
      out.put("fired_at", Instant.ofEpochMilli(e.state().firedAt()).toString());
    }
    if (e.state().resolvedAt() != null) {
      out.put("resolved_at", Instant.ofEpochMilli(e.state().resolvedAt()).toString());
    }
    return out;
  }
}
