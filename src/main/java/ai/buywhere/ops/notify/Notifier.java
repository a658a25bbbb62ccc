package ai.buywhere.ops.notify;

import ai.buywhere.ops.alerts.AlertEvent;
import java.net.URI;
import java.util.Map;

/**
 * One notification target. Implementations are pure: they decide whether an event is for them and
 * render its JSON body; {@link NotificationDispatcher} does the HTTP, retries and de-duplication.
 */
public interface Notifier {
  /** For logs and de-duplication, e.g. {@code slack:#us-alerts}; never contains the URL. */
  String name();

  URI url();

  boolean accepts(AlertEvent event);

  Map<String, Object> payload(AlertEvent event);

  /** P1 → 1 … P4 → 4, so "at least P2" is {@code rank <= 2}. */
  static int rank(String severity) {
    return severity.length() == 2 && severity.charAt(0) == 'P' ? severity.charAt(1) - '0' : 4;
  }
}
