package ai.buywhere.ops.notify;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import ai.buywhere.ops.alerts.AlertEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the notifiers from settings:
 *
 * <ul>
 *   <li>{@code SLACK_<CHANNEL>_WEBHOOK_URL}: a webhook for {@code #<channel>} ({@code
 *       SLACK_US_ALERTS_WEBHOOK_URL} → {@code #us-alerts}); it receives the events of rules whose
 *       {@code channel} is that channel. {@code #incidents-critical} also receives every P1.
 *   <li>{@code SLACK_WEBHOOK_URL}: the fallback for rules whose channel has no webhook of its own.
 *   <li>{@code ALERT_WEBHOOK_URL} (+ {@code ALERT_WEBHOOK_MIN_SEVERITY}, default P4): generic JSON.
 *   <li>{@code PAGERDUTY_ROUTING_KEY} (+ {@code PAGERDUTY_EVENTS_URL}, {@code
 *       PAGERDUTY_MIN_SEVERITY} default P2): PagerDuty Events API v2.
 * </ul>
 *
 * URLs are validated at start-up; errors name the setting, never the URL (webhook URLs are
 * secrets).
 */
public final class NotifyConfig {
  private NotifyConfig() {}

  public static List<Notifier> notifiers(Settings settings) {
    List<Notifier> out = new ArrayList<>();
    Set<String> dedicated = new HashSet<>();
    for (Map.Entry<String, String> e : settings.withPrefix("SLACK_").entrySet()) {
      String key = e.getKey();
      if (key.endsWith("_WEBHOOK_URL")) {
        String channel =
            "#"
                + key.substring(0, key.length() - "_WEBHOOK_URL".length())
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '-');
        if (dedicated.add(channel)) {
          URI url = url("SLACK_" + key, e.getValue());
          out.add(new SlackNotifier(channel, url, ev -> forChannel(channel, ev)));
        }
      }
    }
    settings
        .get("SLACK_WEBHOOK_URL")
        .ifPresent(
            v ->
                out.add(
                    new SlackNotifier(
                        "default",
                        url("SLACK_WEBHOOK_URL", v),
                        ev -> !dedicated.contains(ev.rule().channel()))));
    settings
        .get("ALERT_WEBHOOK_URL")
        .ifPresent(
            v ->
                out.add(
                    new WebhookNotifier(
                        url("ALERT_WEBHOOK_URL", v),
                        severity(settings, "ALERT_WEBHOOK_MIN_SEVERITY", "P4"))));
    settings
        .get("PAGERDUTY_ROUTING_KEY")
        .ifPresent(
            key ->
                out.add(
                    new PagerDutyNotifier(
                        url(
                            "PAGERDUTY_EVENTS_URL",
                            settings.get("PAGERDUTY_EVENTS_URL", PagerDutyNotifier.DEFAULT_URL)),
                        key,
                        severity(settings, "PAGERDUTY_MIN_SEVERITY", "P2"),
                        settings.get("HOSTNAME", "buywhere"))));
    return out;
  }

  private static boolean forChannel(String channel, AlertEvent ev) {
    return ev.rule().channel().equals(channel)
        || (channel.equals("#incidents-critical") && Notifier.rank(ev.severity()) == 1);
  }

  private static int severity(Settings s, String key, String dflt) {
    String v = s.get(key, dflt).toUpperCase(Locale.ROOT);
    if (!v.matches("P[1-4]")) {
      throw new ConfigException(key + " must be one of P1, P2, P3, P4; got " + v);
    }
    return Notifier.rank(v);
  }

  private static URI url(String setting, String value) {
    try {
      URI u = URI.create(value.trim());
      if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
        throw new ConfigException(setting + " must be an http(s) URL");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(setting + " is not a valid URL");
    }
  }
}
