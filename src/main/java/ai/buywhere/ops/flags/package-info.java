/**
 * Feature flags and the market kill switch.
 *
 * <p>{@link ai.buywhere.ops.flags.FeatureFlags} resolves a known flag ({@link
 * ai.buywhere.ops.flags.FlagRegistry}) through four layers, highest first: runtime override (in the
 * database, audited, polled by every node) → flags file ({@code FEATURE_FLAGS_FILE}, re-read
 * periodically, last good values kept when broken) → environment {@code FEATURE_<NAME>} → default.
 * {@link ai.buywhere.ops.flags.FeatureGate} turns a flag into a 404 route guard; {@link
 * ai.buywhere.ops.flags.MarketSwitch} turns the {@code <cc>_market_enabled} flags into the set of
 * hidden countries that every read path filters at query time.
 */
package ai.buywhere.ops.flags;
