package ai.buywhere.ops.flags;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

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
    List<String> overriddenFlags) {}
