package ai.buywhere.ingest;

import ai.buywhere.app.Settings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingestion settings, read once from {@link Settings} (env names shown). Defaults are in code and
 * documented in docs/ingestion.md.
 */
public record IngestConfig(
    String userAgent,
    List<String> allowedHosts,
    Duration connectTimeout,
    Duration requestTimeout,
    long maxResponseBytes,
    int maxRedirects,
    int httpRetries,
    Duration retryBaseDelay,
    Duration maxRetryAfter,
    int perHostConcurrency,
    Duration perHostDelay,
    int runAttempts,
    Duration workerPoll,
    Duration heartbeatInterval,
    Duration deadAfter,
    Duration staleWindow,
    Duration graceBeforeDeactivate,
    int criticalAgeHours,
    double pauseBelowQuality,
    double refreshAboveStale,
    Duration runRetryDelay,
    String workerRegion,
    Duration autoActionsEvery) {

  public static IngestConfig from(Settings s) {
    return new IngestConfig(
        s.get("INGEST_USER_AGENT", "BuyWhereBot/1.0 (+https://buywhere.ai/bot)"),
        Arrays.stream(s.get("INGEST_ALLOWED_HOSTS", "").split(","))
            .map(String::trim)
            .filter(x -> !x.isEmpty())
            .toList(),
        Duration.ofMillis(s.getInt("INGEST_CONNECT_TIMEOUT_MS", 5_000, 100, 120_000)),
        Duration.ofMillis(s.getInt("INGEST_REQUEST_TIMEOUT_MS", 30_000, 100, 600_000)),
        s.getInt("INGEST_MAX_RESPONSE_MB", 32, 1, 1024) * 1024L * 1024L,
        s.getInt("INGEST_MAX_REDIRECTS", 5, 0, 20),
        s.getInt("INGEST_HTTP_RETRIES", 4, 0, 10),
        Duration.ofMillis(s.getInt("INGEST_RETRY_BASE_MS", 500, 1, 60_000)),
        Duration.ofSeconds(s.getInt("INGEST_MAX_RETRY_AFTER_S", 120, 0, 3600)),
        s.getInt("INGEST_HOST_CONCURRENCY", 2, 1, 64),
        Duration.ofMillis(s.getInt("INGEST_HOST_DELAY_MS", 250, 0, 60_000)),
        s.getInt("INGEST_RUN_ATTEMPTS", 3, 1, 20),
        Duration.ofMillis(s.getInt("INGEST_WORKER_POLL_MS", 2_000, 10, 600_000)),
        Duration.ofMillis(s.getInt("INGEST_HEARTBEAT_MS", 5_000, 10, 600_000)),
        Duration.ofMillis(s.getInt("INGEST_WORKER_DEAD_AFTER_MS", 30_000, 50, 3_600_000)),
        Duration.ofHours(s.getInt("INGEST_STALE_WINDOW_HOURS", 48, 1, 24 * 365)),
        Duration.ofHours(s.getInt("INGEST_DEACTIVATE_GRACE_HOURS", 72, 0, 24 * 365)),
        s.getInt("INGEST_CRITICAL_AGE_HOURS", 24, 1, 24 * 365),
        s.getDouble("INGEST_PAUSE_BELOW_QUALITY", 0.5, 0, 1),
        s.getDouble("INGEST_REFRESH_ABOVE_STALE", 0.4, 0, 1),
        Duration.ofMillis(s.getInt("INGEST_RUN_RETRY_DELAY_MS", 60_000, 0, 86_400_000)),
        s.get("INGEST_WORKER_REGION", "default"),
        Duration.ofSeconds(s.getInt("INGEST_AUTO_ACTIONS_EVERY_S", 60, 1, 86_400)));
  }

  /** Defaults with loopback allow-listed and fast timings: for tests and the benchmark. */
  public static IngestConfig forTests() {
    return forTests(Map.of());
  }

  /** {@link #forTests()} with {@code extra} settings on top. */
  public static IngestConfig forTests(Map<String, String> extra) {
    Map<String, String> m = new HashMap<>();
    m.put("INGEST_ALLOWED_HOSTS", "127.0.0.1");
    m.put("INGEST_HOST_DELAY_MS", "0");
    m.put("INGEST_HOST_CONCURRENCY", "8");
    m.put("INGEST_RETRY_BASE_MS", "5");
    m.put("INGEST_REQUEST_TIMEOUT_MS", "3000");
    m.put("INGEST_WORKER_POLL_MS", "50");
    m.put("INGEST_HEARTBEAT_MS", "100");
    m.put("INGEST_WORKER_DEAD_AFTER_MS", "1500");
    m.put("INGEST_RUN_RETRY_DELAY_MS", "0");
    m.putAll(extra);
    return from(Settings.of(Map.of(), m));
  }

  public IngestConfig withHostConcurrency(int n) {
    return new IngestConfig(
        userAgent,
        allowedHosts,
        connectTimeout,
        requestTimeout,
        maxResponseBytes,
        maxRedirects,
        httpRetries,
        retryBaseDelay,
        maxRetryAfter,
        n,
        perHostDelay,
        runAttempts,
        workerPoll,
        heartbeatInterval,
        deadAfter,
        staleWindow,
        graceBeforeDeactivate,
        criticalAgeHours,
        pauseBelowQuality,
        refreshAboveStale,
        runRetryDelay,
        workerRegion,
        autoActionsEvery);
  }

  public IngestConfig withLimits(long maxBytes, Duration timeout) {
    return new IngestConfig(
        userAgent,
        allowedHosts,
        connectTimeout,
        timeout,
        maxBytes,
        maxRedirects,
        httpRetries,
        retryBaseDelay,
        maxRetryAfter,
        perHostConcurrency,
        perHostDelay,
        runAttempts,
        workerPoll,
        heartbeatInterval,
        deadAfter,
        staleWindow,
        graceBeforeDeactivate,
        criticalAgeHours,
        pauseBelowQuality,
        refreshAboveStale,
        runRetryDelay,
        workerRegion,
        autoActionsEvery);
  }
}
