package ai.buywhere.ops.flags;

import java.time.Instant;

/**
 * One audit row: {@code action} is {@code set} or {@code clear}; {@code oldValue → newValue} are
 * the effective values before and after, as resolved by the node that made the change.
 */
public record FlagChange(
    long id,
    String flag,
    String action,
    boolean oldValue,
    boolean newValue,
    String actor,
    String reason,
    Instant changedAt) {}
