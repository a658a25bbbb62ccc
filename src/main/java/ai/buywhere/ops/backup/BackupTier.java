package ai.buywhere.ops.backup;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of backup. The three scheduled tiers keep 24 hourly, 7 daily and 4 weekly backups by
 * default (the disaster-recovery runbook's retention); pre-deploy backups and the safety backups
 * taken before every restore have their own small retention.
 */
public enum BackupTier {
  HOURLY("hourly", 24, Duration.ofHours(1)),
  DAILY("daily", 7, Duration.ofDays(1)),
  WEEKLY("weekly", 4, Duration.ofDays(7)),
  PRE_DEPLOY("pre-deploy", 10, null),
  SAFETY("safety", 5, null);

  private final String wire;
  private final int defaultRetention;
  private final Duration interval;

  BackupTier(String wire, int defaultRetention, Duration interval) {
    this.wire = wire;
    this.defaultRetention = defaultRetention;
    this.interval = interval;
  }

  /** The directory and id prefix, as operators type it: {@code hourly}, {@code pre-deploy}. */
  public String wire() {
    return wire;
  }

  public int defaultRetention() {
    return defaultRetention;
  }

  /** How often the scheduler takes one; empty for tiers taken on demand. */
  public Optional<Duration> interval() {
    return Optional.ofNullable(interval);
  }

  /** The tiers the scheduler takes and the alerts watch. */
  public static List<BackupTier> scheduled() {
    return List.of(HOURLY, DAILY, WEEKLY);
  }

  public static Optional<BackupTier> parse(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(t -> t.wire.equals(v)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
