package ai.buywhere.auth;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the auth feature, read once and validated; every error names its setting.
 *
 * <ul>
 *   <li>{@code RATE_LIMIT_<TIER>_RPM} / {@code RATE_LIMIT_<TIER>_DAILY} (0 = no limit): free
 *       60/1000, live 600/100000, partner 0/0.
 *   <li>{@code REGISTER_LIMIT_PER_HOUR} (5): registrations per client IP per hour.
 *   <li>{@code TRUSTED_PROXIES}: IPs/CIDRs whose {@code X-Forwarded-For} is believed.
 *   <li>{@code ANONYMOUS_ACCESS} (false) with {@code ANONYMOUS_RPM} (10) / {@code ANONYMOUS_DAILY}
 *       (200) per client IP.
 *   <li>{@code ADMIN_TOKEN} (comma-separated, each ≥ 16 chars) and {@code ADMIN_TOKEN_FILE}
 *       (re-read when it changes).
 *   <li>{@code REDIS_URL} (redis:// or rediss://; absent = local buckets), {@code
 *       RATE_LIMIT_REDIS_PREFIX} (bw:rl:), {@code REDIS_TIMEOUT_MS} (250), {@code REDIS_RETRY_MS}
 *       (1000: how soon to try Redis again after a failure).
 *   <li>{@code KEY_CACHE_SECONDS} (5), {@code KEY_LAST_USED_FLUSH_SECONDS} (30).
 * </ul>
 */
public record AuthConfig(
    Map<Tier, RateLimit> tiers,
    int registerPerHour,
    TrustedProxies trustedProxies,
    boolean anonymousAccess,
    RateLimit anonymousLimit,
    List<String> adminTokens,
    Optional<Path> adminTokenFile,
    Optional<String> redisUrl,
    String redisPrefix,
    Duration redisTimeout,
    Duration redisRetry,
    Duration keyCacheTtl,
    Duration lastUsedFlush) {

  static final int MIN_ADMIN_TOKEN = 16;

  public AuthConfig {
    tiers = Map.copyOf(tiers);
    adminTokens = List.copyOf(adminTokens);
  }

  public static AuthConfig from(Settings s) {
    Map<Tier, RateLimit> tiers = new EnumMap<>(Tier.class);
    tiers.put(Tier.FREE, tier(s, Tier.FREE, 60, 1_000));
    tiers.put(Tier.LIVE, tier(s, Tier.LIVE, 600, 100_000));
    tiers.put(Tier.PARTNER, tier(s, Tier.PARTNER, 0, 0));
    int register = s.getInt("REGISTER_LIMIT_PER_HOUR", 5, 1, 1_000_000);
    TrustedProxies proxies = TrustedProxies.parse("TRUSTED_PROXIES", s.get("TRUSTED_PROXIES", ""));
    boolean anon = s.getBoolean("ANONYMOUS_ACCESS", false);
    RateLimit anonLimit =
        new RateLimit(
            s.getInt("ANONYMOUS_RPM", 10, 1, 1_000_000),
            s.getInt("ANONYMOUS_DAILY", 200, 1, Integer.MAX_VALUE));
    List<String> tokens = new ArrayList<>();
    for (String t : s.get("ADMIN_TOKEN", "").split(",")) {
      if (!t.isBlank()) {
        if (t.strip().length() < MIN_ADMIN_TOKEN) {
          throw new ConfigException(
              "ADMIN_TOKEN entries must be at least " + MIN_ADMIN_TOKEN + " characters long");
        }
        tokens.add(t.strip());
      }
    }
    Optional<Path> tokenFile = s.get("ADMIN_TOKEN_FILE").map(Path::of);
    if (tokenFile.isPresent() && !Files.isReadable(tokenFile.get())) {
      throw new ConfigException(
          "ADMIN_TOKEN_FILE " + tokenFile.get() + " does not exist or is not readable");
    }
    Optional<String> redis = s.get("REDIS_URL");
    if (redis.isPresent()
        && !redis.get().startsWith("redis://")
        && !redis.get().startsWith("rediss://")) {
      throw new ConfigException("REDIS_URL must start with redis:// or rediss://");
    }
    AuthConfig config =
        new AuthConfig(
            tiers,
            register,
            proxies,
            anon,
            anonLimit,
            tokens,
            tokenFile,
            redis,
            s.get("RATE_LIMIT_REDIS_PREFIX", "bw:rl:"),
            Duration.ofMillis(s.getInt("REDIS_TIMEOUT_MS", 250, 10, 60_000)),
            Duration.ofMillis(s.getInt("REDIS_RETRY_MS", 1_000, 10, 600_000)),
            Duration.ofSeconds(s.getInt("KEY_CACHE_SECONDS", 5, 1, 3_600)),
            Duration.ofSeconds(s.getInt("KEY_LAST_USED_FLUSH_SECONDS", 30, 1, 3_600)));
    if (tokenFile.isPresent()) {
      AdminTokens.readFile(tokenFile.get(), "ADMIN_TOKEN_FILE");
    }
    return config;
  }

  private static RateLimit tier(Settings s, Tier t, int rpm, int daily) {
    String base = "RATE_LIMIT_" + t.name().toUpperCase(Locale.ROOT);
    return new RateLimit(
        s.getInt(base + "_RPM", rpm, 0, Integer.MAX_VALUE),
        s.getInt(base + "_DAILY", daily, 0, Integer.MAX_VALUE));
  }

  public RateLimit limitFor(Tier tier) {
    return tiers.get(tier);
  }

  /** Hides the admin tokens so that a logged config never leaks them. */
  @Override
  public String toString() {
    return "AuthConfig[tiers="
        + tiers
        + ", registerPerHour="
        + registerPerHour
        + ", anonymousAccess="
        + anonymousAccess
        + ", adminTokens="
        + adminTokens.size()
        + ", adminTokenFile="
        + adminTokenFile
        + ", redis="
        + redisUrl.map(u -> u.replaceAll("//[^@/]*@", "//***@")).orElse("none")
        + "]";
  }
}
