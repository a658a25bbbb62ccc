package ai.buywhere.auth;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j time from the injected {@link Clock} (wall-clock based, as Redis buckets require). */
record ClockTimeMeter(Clock clock) implements TimeMeter {
  @Override
  public long currentTimeNanos() {
    return clock.millis() * 1_000_000L;
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
