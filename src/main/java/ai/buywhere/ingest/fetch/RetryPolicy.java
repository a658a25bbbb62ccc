package ai.buywhere.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;

/**
 * Backoff for retryable replies (429, 5xx) and I/O failures: {@code base·2^attempt} with full
 * jitter in [50 %, 100 %], or the server's {@code Retry-After} (seconds or HTTP date) when given. A
 * {@code Retry-After} longer than {@code maxRetryAfter} ends the retries. Not thread-safe (the
 * jitter source); one per fetcher, guarded by it.
 */
final class RetryPolicy {
  private final int maxRetries;
  private final Duration base;
  private final Duration maxRetryAfter;
  private final Random random;
  private final Clock clock;

  RetryPolicy(int maxRetries, Duration base, Duration maxRetryAfter, long seed, Clock clock) {
    this.maxRetries = maxRetries;
    this.base = base;
    this.maxRetryAfter = maxRetryAfter;
    this.random = new Random(seed);
    this.clock = clock;
  }

  static boolean retryable(int status) {
    return status == 429 || status == 408 || (status >= 500 && status <= 599);
  }

  int maxRetries() {
    return maxRetries;
  }

  /** The wait before retry number {@code attempt} (0-based), or empty to give up. */
  synchronized Optional<Duration> delay(int attempt, String retryAfter) {
    if (attempt >= maxRetries) {
      return Optional.empty();
    }
    Optional<Duration> told = parseRetryAfter(retryAfter);
    if (told.isPresent()) {
      return told.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : told;
    }
    long ceiling = base.toMillis() << Math.min(attempt, 20);
    long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0 + 1));
    return Optional.of(Duration.ofMillis(jittered));
  }

  Optional<Duration> parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
