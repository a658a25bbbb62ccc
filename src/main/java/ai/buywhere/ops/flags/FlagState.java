package ai.buywhere.ops.flags;

/** A flag's effective value and the layer it came from. */
public record FlagState(String flag, boolean enabled, FlagSource source) {}
