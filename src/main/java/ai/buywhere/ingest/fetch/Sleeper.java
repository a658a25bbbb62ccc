package ai.buywhere.ingest.fetch;

import java.time.Duration;

/** How the fetcher waits between retries and per-host delays; tests record instead of waiting. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d.toMillis());
        }
      };
}
