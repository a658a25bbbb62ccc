package ai.buywhere.ops.flags;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Every layer of one flag, for {@code GET /admin/feature-flags/{flag}/detailed}: a null layer value
 * means that layer does not set the flag.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FlagDetail(
    String flag,
    String description,
    boolean enabled,
    String source,
    boolean defaultValue,
    String envName,
    Boolean envValue,
    Boolean fileValue,
    Boolean overrideValue,
    String overrideReason,
    String overrideBy,
    String overrideAt) {}
