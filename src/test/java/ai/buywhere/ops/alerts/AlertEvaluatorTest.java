package ai.buywhere.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.app.Settings;
import ai.buywhere.ops.alerts.AlertEvent.Status;
import ai.buywhere.ops.alerts.AlertState.Phase;
import ai.buywhere.ops.metrics.Metrics;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertEvaluatorTest {
  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-04-23T04:00:00Z"));

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void pendingThenFiringAfterForThenResolvedAndARestartDoesNotRepage(Dialect dialect)
      throws Exception {
    try (TestDatabases.Created created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "alerts-test").migrate()) {
      Metrics metrics = new Metrics(clock);
      AtomicReference<Double> rate = new AtomicReference<>(0.02);
      metrics.gauge("ingestion_test_error_rate", "test gauge", rate::get);
      List<AlertRule> rules =
          rulesFile(
              """
          rules:
            - name: ApiErrorRate
              metric: ingestion_test_error_rate
              op: ">"
              warning: 0.005
              critical: 0.01
              for: 5m
              severity: {warning: P2, critical: P1}
              team: api
              channel: "#us-alerts"
          """);
      List<AlertEvent> heard = new ArrayList<>();
      AlertEvaluator evaluator =
          new AlertEvaluator(rules, metrics.registry(), new AlertStateRepository(db), clock);
      evaluator.subscribe(heard::add);
      evaluator.subscribe(
          e -> {
            throw new IllegalStateException("a broken subscriber");
          });

      assertThat(evaluator.evaluate()).isEmpty();
      assertThat(new AlertStateRepository(db).all())
          .extracting(AlertState::phase)
          .containsOnly(Phase.PENDING)
          .hasSize(2);
      clock.advance(Duration.ofMinutes(4));
      assertThat(evaluator.evaluate()).isEmpty();
      clock.advance(Duration.ofMinutes(1));
      List<AlertEvent> fired = evaluator.evaluate();
      assertThat(fired).extracting(AlertEvent::status).containsOnly(Status.FIRING).hasSize(2);
      assertThat(fired).extracting(AlertEvent::severity).containsExactlyInAnyOrder("P1", "P2");
      assertThat(heard).hasSize(2);
      assertThat(fired.get(0).headline())
          .contains("[FIRING]")
          .contains("ApiErrorRate")
          .contains("0.02");

      // a restarted process (fresh evaluator, same database) does not announce again
      AlertEvaluator restarted =
          new AlertEvaluator(rules, metrics.registry(), new AlertStateRepository(db), clock);
      clock.advance(Duration.ofSeconds(15));
      assertThat(restarted.evaluate()).isEmpty();

      // the critical level clears first, then the warning one
      rate.set(0.007);
      clock.advance(Duration.ofSeconds(15));
      assertThat(restarted.evaluate())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.status()).isEqualTo(Status.RESOLVED);
                assertThat(e.state().level()).isEqualTo(AlertRule.Level.CRITICAL);
              });
      rate.set(0.0);
      clock.advance(Duration.ofSeconds(15));
      assertThat(restarted.evaluate())
          .extracting(AlertEvent::status)
          .containsExactly(Status.RESOLVED);
      assertThat(new AlertStateRepository(db).all())
          .extracting(AlertState::phase)
          .containsOnly(Phase.RESOLVED);

      // a breach shorter than `for` never fires and leaves nothing pending
      rate.set(0.5);
      clock.advance(Duration.ofSeconds(15));
      assertThat(restarted.evaluate()).isEmpty();
      rate.set(0.0);
      clock.advance(Duration.ofSeconds(15));
      assertThat(restarted.evaluate()).isEmpty();
      assertThat(new AlertStateRepository(db).all())
          .extracting(AlertState::phase)
          .doesNotContain(Phase.PENDING, Phase.FIRING);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void perSeriesAlertsWithGlobLabelsAndBelowThresholds(Dialect dialect) throws Exception {
    try (TestDatabases.Created created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "alerts-test").migrate()) {
      Metrics metrics = new Metrics(clock);
      MultiGauge quality = metrics.multiGauge("ingestion_quality_score", "test");
      quality.register(
          List.of(
              MultiGauge.Row.of(Tags.of("source", "us_bestbuy"), 0.4),
              MultiGauge.Row.of(Tags.of("source", "us_target"), 0.9),
              MultiGauge.Row.of(Tags.of("source", "sg_lazada"), 0.1)),
          true);
      List<AlertRule> rules =
          AlertRules.defaults().stream()
              .filter(r -> r.name().equals("IngestionQualityScore"))
              .toList();
      AlertEvaluator evaluator =
          new AlertEvaluator(rules, metrics.registry(), new AlertStateRepository(db), clock);
      evaluator.evaluate();
      clock.advance(Duration.ofMinutes(10));
      List<AlertEvent> fired = evaluator.evaluate();
      assertThat(fired)
          .hasSize(2)
          .allSatisfy(
              e -> assertThat(e.state().labels()).isEqualTo(Map.of("source", "us_bestbuy")));
      assertThat(fired).extracting(e -> e.rule().action()).containsOnly("pause_source");

      // the source's series disappears (source removed): its alerts resolve
      quality.register(List.of(MultiGauge.Row.of(Tags.of("source", "us_target"), 0.9)), true);
      clock.advance(Duration.ofSeconds(15));
      assertThat(evaluator.evaluate())
          .extracting(AlertEvent::status)
          .containsOnly(Status.RESOLVED)
          .hasSize(2);
    }
  }

  private List<AlertRule> rulesFile(String yaml) throws Exception {
    Path f = dir.resolve("rules.yml");
    Files.writeString(f, yaml);
    return AlertRules.load(Settings.of(Map.of("ALERT_RULES_FILE", f.toString()), Map.of())).stream()
        .filter(r -> r.name().equals("ApiErrorRate"))
        .toList();
  }
}
