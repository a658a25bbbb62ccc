package ai.buywhere.ops.flags;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import ai.buywhere.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag service: {@link #isEnabled} resolves runtime override → flags file → env {@code
 * FEATURE_<NAME>} → default. Env values are read and validated once at construction (a bad value
 * fails start-up naming the variable); the file is re-read by {@link #reloadFile()}; overrides are
 * re-read from the database by {@link #refresh()}. {@link #start()} schedules both on one daemon
 * thread; tests call them directly instead.
 *
 * <p>Reads are lock-free over immutable snapshots, so {@code isEnabled} is safe and cheap on every
 * request. A write through this instance updates its own snapshot at once; other nodes (and this
 * one, for writes made elsewhere, e.g. the CLI) see it on their next poll. A failing poll keeps the
 * last known overrides and reports the error in {@link #status()}.
 */
public final class FeatureFlags implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeatureFlags.class);

  private final FlagRegistry registry;
  private final FlagsConfig config;
  private final Map<String, Boolean> env;
  private final FlagsFileWatcher file;
  private final FlagOverrideRepository repo;
  private final Clock clock;
  private volatile Map<String, FlagOverride> overrides = Map.of();
  private volatile String pollError;
  private volatile Instant polledAt;
  private ScheduledExecutorService scheduler;
  private volatile RedisFlagNotifier redis;
  private volatile String redisError;

  public FeatureFlags(
      FlagRegistry registry, FlagsConfig config, Settings settings, Database db, Clock clock) {
    this.registry = registry;
    this.config = config;
    this.clock = clock;
    this.env = readEnv(registry, settings);
    this.file = new FlagsFileWatcher(config.file(), registry, clock);
    this.repo = new FlagOverrideRepository(db);
    file.reload();
    refresh();
  }

  private static Map<String, Boolean> readEnv(FlagRegistry registry, Settings settings) {
    Map<String, Boolean> out = new HashMap<>();
    for (FlagDefinition d : registry.all()) {
      settings
          .get(d.envName())
          .ifPresent(
              v -> {
                try {
                  out.put(d.name(), FlagsFileParser.bool(d.envName(), v));
                } catch (InvalidFlagsFileException e) {
                  throw new ConfigException(e.getMessage());
                }
              });
    }
    return Map.copyOf(out);
  }

  public FlagRegistry registry() {
    return registry;
  }

  /** True when the flag is on; an unregistered name is a programming error. */
  public boolean isEnabled(String flag) {
    return state(flag).enabled();
  }

  public FlagState state(String flag) {
    FlagDefinition d = registry.require(flag);
    FlagOverride o = overrides.get(d.name());
    if (o != null) {
      return new FlagState(d.name(), o.enabled(), FlagSource.OVERRIDE);
    }
    return belowOverride(d);
  }

  private FlagState belowOverride(FlagDefinition d) {
    Boolean f = file.values().get(d.name());
    if (f != null) {
      return new FlagState(d.name(), f, FlagSource.FILE);
    }
    Boolean e = env.get(d.name());
    if (e != null) {
      return new FlagState(d.name(), e, FlagSource.ENV);
    }
    return new FlagState(d.name(), d.defaultValue(), FlagSource.DEFAULT);
  }

  public List<FlagState> states() {
    return registry.all().stream().map(d -> state(d.name())).toList();
  }

  public FlagDetail detail(String flag) {
    FlagDefinition d = registry.require(flag);
    FlagState s = state(flag);
    FlagOverride o = overrides.get(d.name());
    return new FlagDetail(
        d.name(),
        d.description(),
        s.enabled(),
        s.source().wire(),
        d.defaultValue(),
        d.envName(),
        env.get(d.name()),
        file.values().get(d.name()),
        o == null ? null : o.enabled(),
        o == null ? null : o.reason(),
        o == null ? null : o.updatedBy(),
        o == null ? null : o.updatedAt().toString());
  }

  /** Sets a runtime override (persisted and audited in one transaction). */
  public FlagChange setOverride(String flag, boolean enabled, String actor, String reason) {
    return setOverrides(Map.of(flag, enabled), actor, reason).get(0);
  }

  /**
   * Sets several overrides atomically: every name is checked first, so an unknown flag changes
   * nothing. Returns one audit row per flag, in the map's iteration order.
   */
  public List<FlagChange> setOverrides(Map<String, Boolean> values, String actor, String reason) {
    Map<String, Boolean> checked = new LinkedHashMap<>();
    values.forEach((k, v) -> checked.put(registry.require(k).name(), v));
    Instant now = clock.instant();
    List<FlagChange> changes =
        repo.database()
            .jdbi()
            .inTransaction(
                h -> {
                  List<FlagChange> out = new ArrayList<>();
                  for (Map.Entry<String, Boolean> e : checked.entrySet()) {
                    FlagDefinition d = registry.require(e.getKey());
                    boolean old =
                        repo.findForUpdate(h, d.name())
                            .map(FlagOverride::enabled)
                            .orElse(belowOverride(d).enabled());
                    repo.upsert(h, new FlagOverride(d.name(), e.getValue(), reason, actor, now));
                    FlagChange c =
                        new FlagChange(0, d.name(), "set", old, e.getValue(), actor, reason, now);
                    repo.insertHistory(h, c);
                    out.add(c);
                  }
                  return out;
                });
    changes.forEach(
        c ->
            log.info(
                "flag {} {} → {} by {} ({})", c.flag(), c.oldValue(), c.newValue(), actor, reason));
    refresh();
    announce();
    return changes;
  }

  /** Removes the override; empty when there was none (nothing changes, nothing is audited). */
  public Optional<FlagChange> clearOverride(String flag, String actor, String reason) {
    FlagDefinition d = registry.require(flag);
    Instant now = clock.instant();
    Optional<FlagChange> change =
        repo.database()
            .jdbi()
            .inTransaction(
                h -> {
                  Optional<FlagOverride> cur = repo.findForUpdate(h, d.name());
                  if (cur.isEmpty()) {
                    return Optional.<FlagChange>empty();
                  }
                  repo.delete(h, d.name());
                  FlagChange c =
                      new FlagChange(
                          0,
                          d.name(),
                          "clear",
                          cur.get().enabled(),
                          belowOverride(d).enabled(),
                          actor,
                          reason,
                          now);
                  repo.insertHistory(h, c);
                  return Optional.of(c);
                });
    change.ifPresent(c -> log.info("flag {} override cleared by {} ({})", c.flag(), actor, reason));
    if (change.isPresent()) {
      announce();
    }
    refresh();
    return change;
  }

  /** Audit rows, newest first; {@code flag} null for every flag. */
  public List<FlagChange> history(String flag, int limit) {
    return repo.history(flag == null ? null : registry.require(flag).name(), limit);
  }

  private void announce() {
    RedisFlagNotifier r = redis;
    if (r != null) {
      r.publish("changed");
    }
  }

  /** Re-reads overrides from the database; on failure keeps the last known ones. */
  public synchronized boolean refresh() {
    try {
      Map<String, FlagOverride> fresh = new HashMap<>();
      for (FlagOverride o : repo.all()) {
        if (registry.find(o.flag()).isPresent()) {
          fresh.put(o.flag(), o);
        }
      }
      overrides = Map.copyOf(fresh);
      polledAt = clock.instant();
      if (pollError != null) {
        log.info("feature flag overrides readable again");
      }
      pollError = null;
      return true;
    } catch (RuntimeException e) {
      String msg = "cannot read feature flag overrides: " + e.getMessage();
      if (!msg.equals(pollError)) {
        log.warn("{}; keeping the last known overrides", msg);
      }
      pollError = msg;
      return false;
    }
  }

  /** Re-reads the flags file now; false when it is broken (last good values stay). */
  public boolean reloadFile() {
    return file.reload();
  }

  public FlagsStatus status() {
    FlagsFileWatcher.Status f = file.status();
    return new FlagsStatus(
        f.ok() && pollError == null,
        f.path(),
        f.ok(),
        f.error(),
        f.lastLoadedAt(),
        f.lastCheckedAt(),
        f.unknownKeys(),
        pollError == null,
        pollError,
        polledAt,
        overrides.keySet().stream().sorted().toList(),
        redis != null ? "connected" : redisError != null ? redisError : "off");
  }

  /** Starts the background poll and file reload (one daemon thread). Idempotent. */
  public synchronized FeatureFlags start() {
    if (scheduler == null) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "feature-flags");
                t.setDaemon(true);
                return t;
              });
      long poll = config.pollInterval().toMillis();
      long reload = config.fileReloadInterval().toMillis();
      scheduler.scheduleWithFixedDelay(this::refresh, poll, poll, TimeUnit.MILLISECONDS);
      if (config.file() != null) {
        scheduler.scheduleWithFixedDelay(file::reload, reload, reload, TimeUnit.MILLISECONDS);
      }
      if (config.redisUrl() != null) {
        ScheduledExecutorService s = scheduler;
        try {
          redis =
              RedisFlagNotifier.connect(
                  config.redisUrl(), config.redisChannel(), () -> s.execute(this::refresh));
        } catch (RuntimeException e) {
          redisError = "Redis flag fan-out unavailable (" + e.getMessage() + "); polling only";
          log.warn(redisError);
        }
      }
    }
    return this;
  }

  /** Whether Redis fan-out is connected (false without {@code REDIS_URL} or when it failed). */
  public boolean redisConnected() {
    return redis != null;
  }

  @Override
  public synchronized void close() {
    if (redis != null) {
      redis.close();
      redis = null;
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
