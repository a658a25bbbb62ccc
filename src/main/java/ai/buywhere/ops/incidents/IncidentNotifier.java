package ai.buywhere.ops.incidents;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import ai.buywhere.shared.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces incidents on the same receivers and settings as the alert notifiers ({@code
 * ai.buywhere.ops.notify}): the Slack webhook of the severity's channel ({@code
 * SLACK_INCIDENTS_CRITICAL_WEBHOOK_URL} for {@code #incidents-critical}, falling back to {@code
 * SLACK_WEBHOOK_URL}) and PagerDuty Events API v2 ({@code PAGERDUTY_ROUTING_KEY}, {@code
 * PAGERDUTY_EVENTS_URL}) with {@code dedup_key buywhere/incident/INC-n}: trigger on open and each
 * escalation step, acknowledge on ack, resolve on resolve. Those notifiers render alert events, so
 * incidents render their own bodies in the same formats here.
 *
 * <p>Delivery is asynchronous on one daemon thread (in order; up to 3 attempts with backoff);
 * {@link #close()} waits up to 10 s for what is queued, so a CLI command delivers before exiting.
 */
final class IncidentNotifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IncidentNotifier.class);
  static final String PD_DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

  /** PagerDuty's event actions. */
  enum PdAction {
    TRIGGER,
    ACKNOWLEDGE,
    RESOLVE
  }

  private final Settings settings;
  private final URI pagerDuty;
  private final String routingKey;
  private final String source;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService lane =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "incident-notify");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** Validates the URLs of every policy channel at start-up (errors name the setting). */
  IncidentNotifier(Settings settings, IncidentPolicy policy) {
    this.settings = settings;
    this.routingKey = settings.get("PAGERDUTY_ROUTING_KEY").orElse(null);
    this.pagerDuty =
        routingKey == null
            ? null
            : url("PAGERDUTY_EVENTS_URL", settings.get("PAGERDUTY_EVENTS_URL", PD_DEFAULT_URL));
    this.source = settings.get("HOSTNAME", "buywhere");
    policy.channels().values().forEach(c -> slackUrl(c.slack()));
  }

  /** The webhook for a channel: its own setting, else {@code SLACK_WEBHOOK_URL}, else none. */
  Optional<URI> slackUrl(String channel) {
    String key =
        "SLACK_" + channel.substring(1).toUpperCase(Locale.ROOT).replace('-', '_') + "_WEBHOOK_URL";
    Optional<String> v = settings.get(key);
    if (v.isPresent()) {
      return Optional.of(url(key, v.get()));
    }
    return settings.get("SLACK_WEBHOOK_URL").map(u -> url("SLACK_WEBHOOK_URL", u));
  }

  /** Posts {@code text} to the incident's Slack channel and, when asked, to PagerDuty. */
  void announce(
      Incident i, IncidentPolicy.Channels ch, String text, PdAction pd, String target, Instant at) {
    slackUrl(ch.slack()).ifPresent(u -> enqueue("slack:" + ch.slack(), u, slack(i, ch, text)));
    if (pd != null && ch.pagerduty() && pagerDuty != null) {
      enqueue("pagerduty", pagerDuty, pagerDuty(i, pd, text, target, at));
    }
  }

  private Map<String, Object> slack(Incident i, IncidentPolicy.Channels ch, String text) {
    String icon =
        i.status() == Incident.Status.RESOLVED
            ? ":white_check_mark:"
            : i.severity() == Severity.P1 ? ":red_circle:" : ":large_orange_circle:";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("channel", ch.slack());
    out.put("text", icon + " " + text);
    out.put(
        "attachments",
        List.of(
            Map.of(
                "color",
                i.status() == Incident.Status.RESOLVED ? "#2eb886" : "#d00000",
                "fallback",
                text,
                "fields",
                List.of(
                    field("Incident", i.id()),
                    field("Severity", i.severity().name()),
                    field("Status", i.status().wire()),
                    field("Impact", i.impact() == null ? "-" : i.impact())))));
    return out;
  }

  private Map<String, Object> pagerDuty(
      Incident i, PdAction action, String text, String target, Instant at) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("routing_key", routingKey);
    out.put("dedup_key", "buywhere/incident/" + i.id());
    out.put("event_action", action.name().toLowerCase(Locale.ROOT));
    if (action == PdAction.TRIGGER) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("incident", i.id());
      details.put("priority", i.severity().name());
      details.put("notify", target);
      details.put("impact", i.impact());
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("summary", text);
      payload.put("source", source);
      payload.put("severity", i.severity() == Severity.P1 ? "critical" : "error");
      payload.put("timestamp", at.toString());
      payload.put("class", "incident");
      payload.put("custom_details", details);
      out.put("payload", payload);
    }
    return out;
  }

  private static Map<String, Object> field(String title, String value) {
    return Map.of("title", title, "value", value, "short", true);
  }

  private void enqueue(String name, URI url, Map<String, Object> body) {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (Exception e) {
      failed.incrementAndGet();
      return;
    }
    try {
      lane.execute(() -> deliver(name, url, bytes));
    } catch (RejectedExecutionException closed) {
      failed.incrementAndGet();
    }
  }

  private void deliver(String name, URI url, byte[] body) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        HttpRequest req =
            HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          delivered.incrementAndGet();
          return;
        }
        log.info("{} incident notification got HTTP {} (attempt {})", name, status, attempt);
      } catch (java.io.IOException e) {
        log.info("{} incident notification failed: {} (attempt {})", name, e, attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(1000L << (attempt - 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failed.incrementAndGet();
    log.warn("{} incident notification failed after 3 attempts", name);
  }

  long delivered() {
    return delivered.get();
  }

  long failed() {
    return failed.get();
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

  @Override
  public void close() {
    lane.shutdown();
    try {
      if (!lane.awaitTermination(10, TimeUnit.SECONDS)) {
        lane.shutdownNow();
      }
    } catch (InterruptedException e) {
      lane.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
