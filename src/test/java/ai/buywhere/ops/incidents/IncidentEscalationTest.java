package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.ops.incidents.TimelineEvent.Type;
import ai.buywhere.store.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Escalation and SLA timers with a clock the test moves, on SQLite and PostgreSQL. */
class IncidentEscalationTest {
  /** 10:00 EDT: the day shift (@ops-day-oncall) is primary. */
  static final Instant OPENED = Instant.parse("2026-03-10T14:00:00Z");

  @TempDir Path dir;

  IncidentFixture fixture(Dialect d) throws Exception {
    return new IncidentFixture(d, dir, OPENED, Map.of());
  }

  /** Ticks every 30 s until {@code minutes} after opening. */
  static void tickUntil(IncidentFixture f, long minutes) {
    while (f.clock.instant().isBefore(OPENED.plus(Duration.ofMinutes(minutes)))) {
      f.clock.advance(Duration.ofSeconds(30));
      f.service().tick();
    }
  }

  static List<String> events(Incident i, Type type) {
    List<String> out = new ArrayList<>();
    for (TimelineEvent e : i.timeline()) {
      if (e.type() == type) {
        out.add(Duration.ofMillis(e.at() - OPENED.toEpochMilli()).toString() + " " + e.message());
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unacknowledgedP1WalksTheChainAtTenTwentyThirtyMinutes(Dialect d) throws Exception {
    try (IncidentFixture f = fixture(d)) {
      Incident i = f.service().open("P1", "API down", "all US traffic", "cli:test");
      assertThat(i.id()).isEqualTo("INC-1");
      assertThat(events(i, Type.NOTIFIED))
          .containsExactly("PT0S notified @ops-day-oncall (@primary)");

      tickUntil(f, 61);
      Incident after = f.service().get("INC-1");
      assertThat(events(after, Type.ESCALATED))
          .containsExactly(
              "PT10M escalated to @ops-lead: not acknowledged after 10m",
              "PT20M escalated to @cto: not acknowledged after 20m",
              "PT30M escalated to @channel (all hands): not acknowledged after 30m");
      assertThat(events(after, Type.SLA_BREACHED))
          .containsExactly(
              "PT5M30S acknowledge SLA of 5m breached (due 2026-03-10T14:05:00Z)",
              "PT15M30S engage SLA of 15m breached (due 2026-03-10T14:15:00Z)",
              "PT1H30S resolve SLA of 1h breached (due 2026-03-10T15:00:00Z)");
      assertThat(after.ackBreached() && after.engageBreached() && after.resolveBreached()).isTrue();

      assertThat(
              f.counter("buywhere_incident_sla_breaches", "severity", "P1", "stage", "acknowledge"))
          .isEqualTo(1.0);
      assertThat(f.counter("buywhere_incident_sla_breaches", "severity", "P1", "stage", "resolve"))
          .isEqualTo(1.0);
      assertThat(f.counter("buywhere_incident_sla_breaches", "severity", "P2", "stage", "resolve"))
          .isZero();
      assertThat(f.counter("buywhere_incident_escalations", "severity", "P1")).isEqualTo(3.0);
      assertThat(f.gauge("buywhere_incidents_open", "severity", "P1")).isEqualTo(1.0);

      // PagerDuty: one trigger per step, same dedup key; Slack #incidents-critical: open, 3
      // escalations, 3 breaches; nothing on #incidents (P1 only goes to the critical channel)
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(f.receiver.at("/pagerduty/v2/enqueue")).hasSize(4);
                assertThat(f.receiver.at("/slack/incidents-critical")).hasSize(7);
              });
      List<JsonNode> pd =
          f.receiver.at("/pagerduty/v2/enqueue").stream().map(Receiver.Post::body).toList();
      assertThat(pd)
          .extracting(b -> b.at("/payload/custom_details/notify").asText())
          .containsExactly("@ops-day-oncall", "@ops-lead", "@cto", "@channel");
      assertThat(pd)
          .extracting(b -> b.get("dedup_key").asText())
          .containsOnly("buywhere/incident/INC-1");
      assertThat(pd).extracting(b -> b.get("event_action").asText()).containsOnly("trigger");
      assertThat(pd.get(0).get("routing_key").asText()).isEqualTo("test-routing-key");
      assertThat(pd.get(0).at("/payload/severity").asText()).isEqualTo("critical");
      assertThat(f.receiver.at("/slack/incidents-critical").get(0).body().get("text").asText())
          .contains("P1 INCIDENT INC-1: API down")
          .contains("Impact: all US traffic")
          .contains("@ops-day-oncall");
      assertThat(f.receiver.at("/slack/incidents")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void acknowledgedP1StopsEscalating(Dialect d) throws Exception {
    try (IncidentFixture f = fixture(d)) {
      f.service().open("P1", "DB failover", null, "cli:test");
      tickUntil(f, 3);
      Incident acked = f.service().acknowledge("INC-1", "alice");
      assertThat(acked.status()).isEqualTo(Incident.Status.ACKNOWLEDGED);
      assertThat(acked.commander()).isEqualTo("alice");
      tickUntil(f, 40);
      Incident after = f.service().get("INC-1");
      assertThat(events(after, Type.ESCALATED)).isEmpty();
      assertThat(after.ackBreached()).isFalse();
      // engaging is still due: the engage SLA runs out at 15 min
      assertThat(events(after, Type.SLA_BREACHED))
          .containsExactly("PT15M30S engage SLA of 15m breached (due 2026-03-10T14:15:00Z)");
      assertThat(f.counter("buywhere_incident_escalations", "severity", "P1")).isZero();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(f.receiver.at("/pagerduty/v2/enqueue"))
                      .extracting(p -> p.body().get("event_action").asText())
                      .containsExactly("trigger", "acknowledge"));

      assertThatThrownBy(() -> f.service().acknowledge("INC-1", "bob"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
      Incident engaged = f.service().engage("INC-1", "bob", null);
      assertThat(engaged.commander()).isEqualTo("alice");
      Incident resolved = f.service().resolve("INC-1", "alice", "failed over to the replica");
      assertThat(resolved.status()).isEqualTo(Incident.Status.RESOLVED);
      assertThat(f.gauge("buywhere_incidents_open", "severity", "P1")).isZero();
      tickUntil(f, 120);
      assertThat(f.service().get("INC-1").resolveBreached()).isFalse();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(f.receiver.at("/pagerduty/v2/enqueue"))
                      .extracting(p -> p.body().get("event_action").asText())
                      .containsExactly("trigger", "acknowledge", "resolve"));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void restartNeitherRepagesNorForgets(Dialect d) throws Exception {
    try (IncidentFixture f = fixture(d)) {
      f.service().open("P1", "Search failing", null, "cli:test");
      tickUntil(f, 10);
      f.restart();
      f.service().tick();
      f.service().tick();
      Incident i = f.service().get("INC-1");
      assertThat(events(i, Type.ESCALATED)).hasSize(1);
      assertThat(events(i, Type.SLA_BREACHED)).hasSize(1);
      tickUntil(f, 20);
      assertThat(events(f.service().get("INC-1"), Type.ESCALATED)).hasSize(2);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(f.receiver.at("/pagerduty/v2/enqueue")).hasSize(3));
      assertThat(f.service().open("P4", "Typo on status page", null, "cli:test").id())
          .isEqualTo("INC-2");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void p3EscalatesNextMorningUnlessResolvedAndNeverPages(Dialect d) throws Exception {
    // 18:00 EDT: the evening shift; the lead is told at 08:00 ET next morning (12:00 UTC)
    Instant evening = Instant.parse("2026-03-10T22:00:00Z");
    try (IncidentFixture f = new IncidentFixture(d, dir, evening, Map.of())) {
      f.service().open("P3", "Slow responses", null, "cli:test");
      f.service().acknowledge("INC-1", "carol");
      f.clock.advance(Duration.ofHours(13).plusMinutes(59));
      f.service().tick();
      assertThat(events(f.service().get("INC-1"), Type.ESCALATED)).isEmpty();
      f.clock.advance(Duration.ofMinutes(1));
      f.service().tick();
      assertThat(f.service().get("INC-1").timeline())
          .filteredOn(e -> e.type() == Type.ESCALATED)
          .extracting(TimelineEvent::message)
          .containsExactly(
              "escalated to @ops-lead (next morning if unresolved): not resolved after 14h");
      // open, ack, the engage SLA (2 h) running out, the escalation
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(f.receiver.at("/slack/incidents")).hasSize(4));
      assertThat(f.receiver.at("/slack/incidents").get(3).body().get("text").asText())
          .contains("P3 ESCALATION INC-1: Slow responses")
          .contains("@ops-lead");
      assertThat(f.receiver.at("/pagerduty/v2/enqueue")).isEmpty();
      assertThat(f.receiver.at("/slack/incidents-critical")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void badInputIsRejectedAndChangesNothing(Dialect d) throws Exception {
    try (IncidentFixture f = fixture(d)) {
      assertThatThrownBy(() -> f.service().open("P5", "x", null, "t"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.getMessage()).contains("severity"));
      assertThatThrownBy(() -> f.service().open("P2", " ", null, "t"))
          .hasMessageContaining("title");
      assertThatThrownBy(() -> f.service().acknowledge("INC-9", "t"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
      assertThatThrownBy(() -> f.service().note("nonsense", "t", "hi"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
      assertThat(f.service().list(false)).isEmpty();
      f.service().open("p2", "Auth failing", null, "t");
      assertThatThrownBy(() -> f.service().note("INC-1", "t", "")).hasMessageContaining("text");
      f.service().resolve("INC-1", "t", null);
      assertThatThrownBy(() -> f.service().engage("INC-1", "t", null))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
      assertThat(f.service().list(true)).isEmpty();
      assertThat(f.service().list(false)).hasSize(1);
    }
  }
}
