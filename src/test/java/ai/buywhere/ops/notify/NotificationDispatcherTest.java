package ai.buywhere.ops.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.app.Settings;
import ai.buywhere.ops.alerts.AlertEvent;
import ai.buywhere.ops.alerts.AlertRule;
import ai.buywhere.ops.alerts.AlertRules;
import ai.buywhere.ops.alerts.AlertState;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {
  HttpServer server;
  String base;
  Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
  AtomicInteger pdFailuresLeft = new AtomicInteger(2);
  CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    for (String path :
        List.of("/slack-us", "/slack-crit", "/slack-default", "/hook", "/pd", "/hang")) {
      server.createContext(
          path,
          ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = 200;
            if (path.equals("/pd") && pdFailuresLeft.getAndDecrement() > 0) {
              status = 503;
            } else if (path.equals("/hang")) {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            } else {
              received
                  .computeIfAbsent(path, k -> new CopyOnWriteArrayList<>())
                  .add(Json.mapper().readTree(body));
              status = path.equals("/pd") ? 202 : 200;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
          });
    }
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  static AlertEvent event(String ruleName, AlertRule.Level level, AlertEvent.Status status) {
    AlertRule rule =
        AlertRules.defaults().stream()
            .filter(r -> r.name().equals(ruleName))
            .findFirst()
            .orElseThrow();
    long t = 1_776_916_800_000L;
    AlertState s =
        new AlertState(
            ruleName + "/" + level.wire() + "{}",
            ruleName,
            level,
            Map.of(),
            status == AlertEvent.Status.FIRING
                ? AlertState.Phase.FIRING
                : AlertState.Phase.RESOLVED,
            0.02,
            t,
            t + 300_000,
            status == AlertEvent.Status.RESOLVED ? t + 900_000 : null,
            t + 900_000);
    return new AlertEvent(status, rule, s, rule.severity().get(level));
  }

  @Test
  void routesByChannelAndSeverityRetriesAndDeduplicates() {
    Settings settings =
        Settings.of(
            Map.of(
                "SLACK_US_ALERTS_WEBHOOK_URL", base + "/slack-us",
                "SLACK_INCIDENTS_CRITICAL_WEBHOOK_URL", base + "/slack-crit",
                "SLACK_WEBHOOK_URL", base + "/slack-default",
                "ALERT_WEBHOOK_URL", base + "/hook",
                "PAGERDUTY_ROUTING_KEY", "rk-123",
                "PAGERDUTY_EVENTS_URL", base + "/pd"),
            Map.of());
    try (NotificationDispatcher d =
        new NotificationDispatcher(
            NotifyConfig.notifiers(settings),
            new NotificationDispatcher.Options(
                100, 5, Duration.ofMillis(20), Duration.ofSeconds(2)))) {
      AlertEvent p1 = event("ApiErrorRate", AlertRule.Level.CRITICAL, AlertEvent.Status.FIRING);
      d.onAlert(p1);
      d.onAlert(p1); // announced twice: delivered once
      d.onAlert(
          event(
              "ApiRequestRate",
              AlertRule.Level.WARNING,
              AlertEvent.Status.FIRING)); // P4, #us-launch-ops
      d.onAlert(event("ApiErrorRate", AlertRule.Level.CRITICAL, AlertEvent.Status.RESOLVED));
      await().atMost(Duration.ofSeconds(10)).until(() -> d.pending() == 0);

      assertThat(d.failed()).isZero();
      // #us-alerts: the P1 firing and resolved
      assertThat(received.get("/slack-us")).hasSize(2);
      JsonNode slack = received.get("/slack-us").get(0);
      assertThat(slack.path("text").asText())
          .contains("[FIRING]")
          .contains("P1")
          .contains("ApiErrorRate");
      assertThat(slack.path("attachments").get(0).path("color").asText()).isEqualTo("#d00000");
      assertThat(received.get("/slack-us").get(1).path("text").asText()).contains("[RESOLVED]");
      // #incidents-critical gets P1s too; the default webhook gets the #us-launch-ops rule
      assertThat(received.get("/slack-crit")).hasSize(2);
      assertThat(received.get("/slack-default"))
          .singleElement()
          .satisfies(n -> assertThat(n.path("text").asText()).contains("ApiRequestRate"));
      // generic webhook: everything
      assertThat(received.get("/hook")).hasSize(3);
      JsonNode hook =
          received.get("/hook").stream()
              .filter(
                  n ->
                      n.path("alert").asText().equals("ApiErrorRate")
                          && n.path("status").asText().equals("firing"))
              .findFirst()
              .orElseThrow();
      assertThat(hook.path("severity").asText()).isEqualTo("P1");
      assertThat(hook.path("threshold").asDouble()).isEqualTo(0.01);
      assertThat(hook.path("fired_at").asText()).isEqualTo("2026-04-23T04:05:00Z");
      // PagerDuty: P1 trigger (after two 503s) and its resolve, same dedup key; the P4 is not paged
      List<JsonNode> pd = received.get("/pd");
      assertThat(pd).hasSize(2);
      assertThat(pd.get(0).path("routing_key").asText()).isEqualTo("rk-123");
      assertThat(pd.get(0).path("event_action").asText()).isEqualTo("trigger");
      assertThat(pd.get(0).path("payload").path("severity").asText()).isEqualTo("critical");
      assertThat(pd.get(0).path("payload").path("summary").asText()).contains("ApiErrorRate");
      assertThat(pd.get(1).path("event_action").asText()).isEqualTo("resolve");
      assertThat(pd.get(1).path("dedup_key").asText())
          .isEqualTo(pd.get(0).path("dedup_key").asText());
    }
  }

  @Test
  void aHangingReceiverNeverBlocksTheCallerAndTheQueueIsBounded() {
    List<Notifier> hang =
        NotifyConfig.notifiers(Settings.of(Map.of("ALERT_WEBHOOK_URL", base + "/hang"), Map.of()));
    try (NotificationDispatcher d =
        new NotificationDispatcher(
            hang,
            new NotificationDispatcher.Options(
                3, 1, Duration.ofMillis(10), Duration.ofSeconds(30)))) {
      List<AlertEvent> events =
          List.of("ApiErrorRate", "ApiLatencyP50", "ApiLatencyP95", "ApiLatencyP99", "DiskSpace")
              .stream()
              .map(rule -> event(rule, AlertRule.Level.CRITICAL, AlertEvent.Status.FIRING))
              .toList();
      long t0 = System.nanoTime();
      events.forEach(d::onAlert);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(d.dropped()).isEqualTo(2);
      assertThat(d.pending()).isEqualTo(3);
    }
  }

  @Test
  void badUrlsFailStartUpNamingTheSettingNotTheSecret() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                NotifyConfig.notifiers(
                    Settings.of(
                        Map.of("SLACK_US_ALERTS_WEBHOOK_URL", "ftp://hooks/secret-token"),
                        Map.of())))
        .hasMessageContaining("SLACK_US_ALERTS_WEBHOOK_URL")
        .hasMessageNotContaining("secret-token");
  }
}
