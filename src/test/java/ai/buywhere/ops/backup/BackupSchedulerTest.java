package ai.buywhere.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSchedulerTest {
  @TempDir Path dir;

  @Test
  void takesEachTierWhenDueAndTheGaugesFollow() {
    try (var f = new BackupFixture(Dialect.SQLITE, dir, Map.of());
        var scheduler = new BackupScheduler(f.service, f.clock)) {
      f.writer.write(BackupFixture.market("US", 3, ".00"));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      f.service.metrics().register(registry);
      assertThat(registry.get("buywhere.backup.exists").tag("tier", "hourly").gauge().value())
          .isZero();
      assertThat(registry.get("buywhere.backup.age.seconds").tag("tier", "daily").gauge().value())
          .isEqualTo(-1);

      assertThat(scheduler.runDue()).hasSize(3);
      f.clock.advance(Duration.ofMinutes(59));
      assertThat(scheduler.runDue()).isEmpty();
      assertThat(registry.get("buywhere.backup.age.seconds").tag("tier", "hourly").gauge().value())
          .isEqualTo(59 * 60);
      f.clock.advance(Duration.ofMinutes(1));
      assertThat(scheduler.runDue()).extracting(e -> e.manifest().tier()).containsExactly("hourly");
      f.clock.advance(Duration.ofDays(1));
      assertThat(scheduler.runDue())
          .extracting(e -> e.manifest().tier())
          .containsExactly("hourly", "daily");
      assertThat(f.service.list(Optional.of(BackupTier.HOURLY))).hasSize(3);
      assertThat(registry.get("buywhere.backup.exists").tag("tier", "weekly").gauge().value())
          .isEqualTo(1);
      assertThat(
              registry
                  .get("buywhere.backup.verification.failed")
                  .tag("tier", "hourly")
                  .gauge()
                  .getId()
                  .getDescription())
          .isNotBlank();
    }
  }
}
