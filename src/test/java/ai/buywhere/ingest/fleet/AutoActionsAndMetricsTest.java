package ai.buywhere.ingest.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.source.Globs;
import ai.buywhere.ingest.source.SourceSpec;
import ai.buywhere.store.Database;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoActionsAndMetricsTest {
  @TempDir Path dir;

  @Test
  void autoActionsTriggerPauseAndRefreshAndMetricsReportTheFleet() {
    try (TestDatabases.Created created = TestDatabases.sqlite(dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      MutableClock clock = new MutableClock(1_800_000_000_000L);
      MeterRegistry registry = new SimpleMeterRegistry();
      IngestRuntime rt =
          IngestRuntime.create(
              db,
              new CatalogWriter(db, FxRates.defaults(), clock),
              IngestConfig.forTests(Map.of("INGEST_WORKER_REGION", "us-east-1")),
              clock,
              registry);
      for (String id : List.of("old_us", "bad_us", "stale_us", "fine_us")) {
        rt.sources()
            .upsert(
                new SourceSpec(id, "shopify", "https://x.test", null, null, 60, null).validate());
      }
      long now = clock.millis();
      rt.sources().recordRun("bad_us", "r1", now, true, now + 1, 0.42, 0.1, 0.5);
      rt.sources().recordRun("stale_us", "r2", now, true, now + 1, 0.8, 0.55, 0.0);
      rt.sources().recordRun("fine_us", "r3", now, true, now + 1, 0.95, 0.0, 0.0);
      clock.advance(Duration.ofHours(25));
      rt.sources()
          .recordRun("bad_us", "r1", clock.millis(), true, clock.millis() + 1, 0.42, 0.1, 0.5);
      rt.sources()
          .recordRun("stale_us", "r2", clock.millis(), true, clock.millis() + 1, 0.8, 0.55, 0.0);
      rt.sources()
          .recordRun("fine_us", "r3", clock.millis(), true, clock.millis() + 1, 0.95, 0.0, 0.0);

      List<String> taken = rt.autoActionsService().evaluate();
      assertThat(taken)
          .anyMatch(a -> a.startsWith("old_us triggered: auto: last run"))
          .anyMatch(a -> a.startsWith("bad_us paused: auto: quality score 0.42 below 0.50"))
          .anyMatch(a -> a.startsWith("stale_us triggered: auto: stale share 0.55"))
          .noneMatch(a -> a.startsWith("fine_us"));
      Source bad = rt.sources().find("bad_us").orElseThrow();
      assertThat(bad.paused()).isTrue();
      assertThat(bad.pausedReason()).contains("quality score");
      assertThat(rt.actions().recent("old_us", 5)).anyMatch(a -> a.actor().equals("auto"));
      assertThat(rt.autoActionsService().evaluate()).isEmpty(); // idempotent

      rt.workers().register("w-ok", "h", "us-east-1");
      rt.workers().register("w-dead", "h", "us-east-1");
      rt.workers().register("w-eu", "h", "eu-west-1");
      clock.advance(Duration.ofSeconds(10));
      rt.workers().heartbeat("w-ok", "idle", null);
      rt.workers().heartbeat("w-eu", "busy", "r9");
      for (int i = 0; i < 3; i++) {
        rt.workers().outcome("w-eu", false, "boom");
      }
      rt.metrics().refresh();
      assertThat(
              registry.get("fleet_error_concentration").tags("region", "us-east-1").gauge().value())
          .isEqualTo(0.5);
      assertThat(
              registry.get("fleet_error_concentration").tags("region", "eu-west-1").gauge().value())
          .isEqualTo(1.0);
      assertThat(registry.get("buywhere_scraper_status").tags("state", "dead").gauge().value())
          .isEqualTo(1);
      assertThat(registry.get("buywhere_scraper_status").tags("state", "failing").gauge().value())
          .isEqualTo(1);
      assertThat(registry.get("fleet_unhealthy_share").gauge().value())
          .isCloseTo(0.6667, org.assertj.core.data.Offset.offset(0.001));
      assertThat(
              registry
                  .get("hours_since_last_run")
                  .tags(Tags.of("source", "old_us", "region", "us"))
                  .gauge()
                  .value())
          .isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.01));
      assertThat(registry.get("ingestion_quality_score").tags("source", "fine_us").gauge().value())
          .isEqualTo(0.95);
      assertThat(registry.get("ingestion_stale_share").tags("source", "stale_us").gauge().value())
          .isEqualTo(0.55);
      assertThat(
              registry
                  .get("ingestion_error_rate")
                  .tags("source", "bad_us")
                  .gauge()
                  .getId()
                  .getDescription())
          .isNotBlank();
      assertThat(Globs.matches("us_*", rt.sources().find("fine_us").orElseThrow())).isTrue();
      assertThat(Globs.matches("sea_*", rt.sources().find("fine_us").orElseThrow())).isFalse();
      rt.close();
    }
  }
}
