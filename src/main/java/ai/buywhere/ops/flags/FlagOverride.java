package ai.buywhere.ops.flags;

import java.time.Instant;

/** A runtime override as stored: who set it, when and why. */
public record FlagOverride(
    String flag, boolean enabled, String reason, String updatedBy, Instant updatedAt) {}
