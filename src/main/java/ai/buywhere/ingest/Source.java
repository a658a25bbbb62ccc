package ai.buywhere.ingest;

import java.util.Map;

/**
 * A registered source. {@code id} is {@code <merchant>_<cc>}; {@code options} holds per-kind
 * settings (column {@code mapping} for CSV/JSONL, {@code max_pages}, {@code max_urls}, {@code
 * sitemap_depth}, {@code delay_ms}); {@code status} is {@code active} or {@code paused}. Health
 * fields are null until the first run finishes.
 */
public record Source(
    String id,
    SourceKind kind,
    String url,
    String countryCode,
    String region,
    String currency,
    int intervalMinutes,
    Map<String, Object> options,
    String status,
    String pausedReason,
    Double qualityScore,
    Double staleShare,
    Double errorRate,
    String lastRunId,
    Long lastRunAt,
    Long lastSuccessAt,
    Long nextRunAt,
    long createdAt) {

  public static final String ACTIVE = "active";
  public static final String PAUSED = "paused";

  public boolean paused() {
    return PAUSED.equals(status);
  }

  public int intOption(String key, int defaultValue) {
    Object v = options == null ? null : options.get(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s && s.matches("\\d+")) {
      return Integer.parseInt(s);
    }
    return defaultValue;
  }

  /** The merchant part of the id ({@code bestbuy} of {@code bestbuy_us}). */
  public String merchant() {
    int i = id.lastIndexOf('_');
    return i > 0 ? id.substring(0, i) : id;
  }
}
