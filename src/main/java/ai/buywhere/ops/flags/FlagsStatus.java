package ai.buywhere.ops.flags;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /health} shows about flags: whether the flags file last loaded cleanly (and the error
 * if not: the node keeps the last good values), whether the last database poll of overrides worked,
 * and which flags are overridden right now. {@code healthy} is false while either is failing; the
 * flags still answer (degraded, never down).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FlagsStatus(
    boolean healthy,
    String file,
    boolean fileOk,
    String fileError,
    Instant fileLoadedAt,
    Instant fileCheckedAt,
    List<String> fileUnknownKeys,
    boolean overridesOk,
    String overridesError,
    Instant overridesPolledAt,
    List<String> overriddenFlags,
    String redisFanout) {

  /** What is wrong (file and/or database poll), or null when healthy. */
  public String problem() {
    if (healthy) {
      return null;
    }
    return java.util.stream.Stream.of(fileError, overridesError)
        .filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** The status as a snake_case map without null values (health check details). */
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    if (file != null) {
      d.put("flags_file", file);
      d.put("flags_file_ok", fileOk);
      put(d, "flags_file_error", fileError);
      put(d, "flags_file_loaded_at", fileLoadedAt);
      if (!fileUnknownKeys.isEmpty()) {
        d.put("flags_file_unknown_keys", fileUnknownKeys);
      }
    }
    d.put("overrides_ok", overridesOk);
    put(d, "overrides_error", overridesError);
    put(d, "overrides_polled_at", overridesPolledAt);
    d.put("overridden_flags", overriddenFlags);
    d.put("redis_fanout", redisFanout);
    return d;
  }

  private static void put(Map<String, Object> d, String key, Object value) {
    if (value != null) {
      d.put(key, value.toString());
    }
  }
}
