package ai.buywhere.ops.notify;

import ai.buywhere.ops.alerts.AlertEvent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Slack-compatible incoming webhook for one channel ({@code SLACK_US_ALERTS_WEBHOOK_URL} → {@code
 * #us-alerts}). Body: {@code text} (the headline, which is all many Slack-compatible receivers
 * read) plus one attachment coloured by state with the rule's fields.
 */
final class SlackNotifier implements Notifier {
  private final String channel;
  private final URI url;
  private final Predicate<AlertEvent> accepts;

  SlackNotifier(String channel, URI url, Predicate<AlertEvent> accepts) {
    this.channel = channel;
    this.url = url;
    this.accepts = accepts;
  }

  @Override
  public String name() {
    return "slack:" + channel;
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public boolean accepts(AlertEvent event) {
    return accepts.test(event);
  }

  @Override
  public Map<String, Object> payload(AlertEvent e) {
    boolean firing = e.status() == AlertEvent.Status.FIRING;
    String icon =
        firing
            ? (Notifier.rank(e.severity()) <= 1 ? ":red_circle:" : ":warning:")
            : ":white_check_mark:";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("channel", channel);
    out.put("text", icon + " " + e.headline());
    List<Map<String, Object>> fields =
        List.of(
            field("Severity", e.severity()),
            field("Team", e.rule().team()),
            field("Level", e.state().level().wire()),
            field("Action", e.rule().action() == null ? "-" : e.rule().action()));
    out.put(
        "attachments",
        List.of(
            Map.of(
                "color",
                firing ? "#d00000" : "#2eb886",
                "fallback",
                e.headline(),
                "fields",
                fields)));
    return out;
  }

  private static Map<String, Object> field(String title, String value) {
    return Map.of("title", title, "value", value, "short", true);
  }
}
