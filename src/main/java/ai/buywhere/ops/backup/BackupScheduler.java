package ai.buywhere.ops.backup;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the scheduled tiers' backups when they are due: a tier is due when its newest listed backup
 * is at least one interval old (1 h, 1 day, 7 days) or there is none. {@link #runDue} is the whole
 * policy and is what tests drive with a controlled clock; {@link #start} just calls it every minute
 * on one daemon thread. Start it from {@code serve}/{@code worker} when {@code
 * BACKUP_SCHEDULE_ENABLED=true}.
 */
public final class BackupScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

  private final BackupService service;
  private final Clock clock;
  private ScheduledExecutorService executor;

  public BackupScheduler(BackupService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  /** Creates every due backup now; returns what was created. Failures are logged, not thrown. */
  public synchronized List<BackupEntry> runDue() {
    List<BackupEntry> created = new ArrayList<>();
    for (BackupTier tier : BackupTier.scheduled()) {
      Duration interval = tier.interval().orElseThrow();
      Optional<BackupEntry> newest = service.list(Optional.of(tier)).stream().findFirst();
      boolean due =
          newest.isEmpty()
              || Duration.between(newest.get().manifest().createdAt(), clock.instant())
                      .compareTo(interval)
                  >= 0;
      if (!due) {
        continue;
      }
      try {
        created.add(service.create(tier));
      } catch (RuntimeException e) {
        log.error("scheduled {} backup failed: {}", tier, e.getMessage());
      }
    }
    return created;
  }

  /** Starts checking once a minute (first check after {@code initialDelay}). */
  public synchronized void start(Duration initialDelay) {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backup-scheduler");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::runDue,
        initialDelay.toMillis(),
        Duration.ofMinutes(1).toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
