package ai.buywhere.ops.backup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Gauges for the BackupMissing / BackupTooOld / BackupVerificationFailed alerts, per scheduled
 * tier: {@code buywhere_backup_exists}, {@code buywhere_backup_age_seconds} (-1 when there is none)
 * and {@code buywhere_backup_verification_failed}. Values are read from the backup directory on
 * each scrape, so every process reports the same thing.
 */
public final class BackupMetrics {
  private final BackupStore store;
  private final VerificationState state;
  private final Clock clock;

  BackupMetrics(BackupStore store, VerificationState state, Clock clock) {
    this.store = store;
    this.state = state;
    this.clock = clock;
  }

  /** Registers the gauges; call once per registry. */
  public void register(MeterRegistry registry) {
    for (BackupTier tier : BackupTier.scheduled()) {
      Gauge.builder("buywhere.backup.exists", this, m -> m.exists(tier))
          .description("1 when at least one complete backup of the tier is listed")
          .tag("tier", tier.wire())
          .register(registry);
      Gauge.builder("buywhere.backup.age.seconds", this, m -> m.ageSeconds(tier))
          .description("Seconds since the newest backup of the tier was taken; -1 when none")
          .tag("tier", tier.wire())
          .register(registry);
      Gauge.builder("buywhere.backup.verification.failed", this, m -> m.verificationFailed(tier))
          .description("1 when the last verification of the tier's backups failed")
          .tag("tier", tier.wire())
          .register(registry);
    }
  }

  double exists(BackupTier tier) {
    return store.list(Optional.of(tier)).isEmpty() ? 0 : 1;
  }

  double ageSeconds(BackupTier tier) {
    return store.list(Optional.of(tier)).stream()
        .findFirst()
        .map(e -> (clock.millis() - e.manifest().createdAt().toEpochMilli()) / 1000.0)
        .orElse(-1.0);
  }

  double verificationFailed(BackupTier tier) {
    VerificationState.TierResult r = state.read().get(tier.wire());
    return r != null && !r.ok() ? 1 : 0;
  }

  /** Writes the gauges in Prometheus text format for node_exporter's textfile collector. */
  void writeTextfile(Path file) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      register(registry);
      BackupStore.writeAtomically(file, registry.scrape().getBytes(StandardCharsets.UTF_8));
    } finally {
      registry.close();
    }
  }
}
