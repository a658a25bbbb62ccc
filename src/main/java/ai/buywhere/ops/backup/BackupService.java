package ai.buywhere.ops.backup;

import ai.buywhere.app.Settings;
import ai.buywhere.ops.backup.BackupManifest.TableStats;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup operations on the live database: create (then prune), list, prune, verify, restore and the
 * pre-deploy backup. Thread-safe for concurrent readers; creates and restores are meant to be run
 * one at a time per database (the scheduler and the CLI do).
 */
public final class BackupService {
  private static final Logger log = LoggerFactory.getLogger(BackupService.class);
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Database live;
  private final BackupConfig config;
  private final Clock clock;
  private final BackupEngine engine;
  private final BackupStore store;
  private final VerificationState state;
  private final BackupMetrics metrics;

  public BackupService(Database live, BackupConfig config, Clock clock) {
    this.live = live;
    this.config = config;
    this.clock = clock;
    this.engine =
        live.dialect() == Dialect.SQLITE
            ? new SqliteBackupEngine(live)
            : new PostgresBackupEngine(live, config.pgDumpPath(), config.pgRestorePath());
    this.store = new BackupStore(config);
    this.state = new VerificationState(config.root().resolve("verification-state.json"));
    this.metrics = new BackupMetrics(store, state, clock);
  }

  public static BackupService from(Database live, Settings settings, Path dataDir, Clock clock) {
    return new BackupService(live, BackupConfig.from(settings, dataDir), clock);
  }

  public BackupConfig config() {
    return config;
  }

  /** The gauges; register them on the server's registry. */
  public BackupMetrics metrics() {
    return metrics;
  }

  /** Takes a backup of the tier, publishes it atomically, then applies the tier's retention. */
  public BackupEntry create(BackupTier tier) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String id = uniqueId(tier, now);
    String fileName = id + engine.extension();
    Path partial = store.partialPath(tier, fileName);
    try {
      Files.deleteIfExists(partial);
      TableFingerprint.Snapshot snap = engine.dump(partial);
      long size = Files.size(partial);
      String sha = BackupStore.sha256(partial);
      BackupManifest m =
          new BackupManifest(
              BackupManifest.FORMAT,
              id,
              tier.wire(),
              now,
              fileName,
              size,
              sha,
              snap.schemaVersion(),
              live.dialect().name().toLowerCase(Locale.ROOT),
              live.config().displayUrl(),
              snap.epoch(),
              snap.sequence(),
              snap.tables());
      BackupEntry entry = store.publish(tier, partial, m);
      log.info("backup {} written: {} bytes, sha256 {}", id, size, sha);
      prune(tier);
      return entry;
    } catch (IOException e) {
      throw new BackupException("backup " + id + " failed: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        log.warn("cannot remove {}: {}", partial, e.getMessage());
      }
    }
  }

  private String uniqueId(BackupTier tier, Instant now) {
    String base = tier.wire() + "-" + ID_TIME.format(now);
    String id = base;
    for (int i = 2;
        Files.exists(config.tierDir(tier).resolve(id + BackupStore.MANIFEST_SUFFIX));
        i++) {
      id = base + "-" + i;
    }
    return id;
  }

  public List<BackupEntry> list(Optional<BackupTier> tier) {
    return store.list(tier);
  }

  /** Applies the tier's retention; returns the deleted backups. */
  public List<BackupEntry> prune(BackupTier tier) {
    return store.prune(tier, config.retention(tier));
  }

  /**
   * Resolves {@code all}, {@code latest}, a tier name (its newest backup), a backup id, or a path
   * to a data file or manifest.
   */
  public List<BackupEntry> resolve(String target) {
    List<BackupEntry> all = store.list(Optional.empty());
    if (target.equals("all")) {
      return all;
    }
    if (target.equals("latest")) {
      return all.stream().limit(1).toList();
    }
    Optional<BackupTier> tier = BackupTier.parse(target);
    if (tier.isPresent()) {
      return store.list(tier).stream().limit(1).toList();
    }
    for (BackupEntry e : all) {
      if (e.id().equals(target)) {
        return List.of(e);
      }
    }
    Path p = Path.of(target).toAbsolutePath().normalize();
    if (Files.isRegularFile(p)) {
      String name = p.getFileName().toString();
      Path manifest =
          name.endsWith(BackupStore.MANIFEST_SUFFIX)
              ? p
              : p.resolveSibling(stripExtension(name) + BackupStore.MANIFEST_SUFFIX);
      if (Files.isRegularFile(manifest)) {
        return store.readEntry(manifest).map(List::of).orElse(List.of());
      }
      throw new BackupException(target + " has no manifest next to it (" + manifest + ")");
    }
    throw new BackupException(
        "no backup matches '" + target + "': give all, latest, a tier, a backup id or a file");
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Verifies each backup (checksum, then a scratch restore compared table by table with the
   * manifest), records the outcome and rewrites the textfile. Never touches the live database.
   */
  public List<VerificationResult> verify(List<BackupEntry> entries) {
    List<VerificationResult> results = new ArrayList<>();
    for (BackupEntry e : entries) {
      results.add(verifyOne(e));
    }
    state.record(results, clock.instant());
    metrics.writeTextfile(config.promFile());
    return results;
  }

  VerificationResult verifyOne(BackupEntry e) {
    BackupManifest m = e.manifest();
    List<String> problems = new ArrayList<>();
    try {
      if (!m.dialect().equals(live.dialect().name().toLowerCase(Locale.ROOT))) {
        problems.add("backup is " + m.dialect() + " but this installation runs " + live.dialect());
        return VerificationResult.of(m, problems);
      }
      long size = Files.size(e.path());
      if (size != m.sizeBytes()) {
        problems.add("size " + size + " differs from the manifest's " + m.sizeBytes());
      }
      String sha = BackupStore.sha256(e.path());
      if (!sha.equals(m.sha256())) {
        problems.add("sha256 " + sha + " differs from the manifest's " + m.sha256());
        return VerificationResult.of(m, problems);
      }
      TableFingerprint.Snapshot restored =
          engine.withScratch(e.path(), c -> TableFingerprint.of(c, live.dialect()));
      compare(m.tables(), restored.tables(), problems);
      if (!Objects.equals(m.schemaVersion(), restored.schemaVersion())) {
        problems.add(
            "schema version " + restored.schemaVersion() + " differs from " + m.schemaVersion());
      }
    } catch (IOException | RuntimeException ex) {
      problems.add(ex.getMessage() == null ? ex.toString() : ex.getMessage());
    }
    return VerificationResult.of(m, problems);
  }

  private static void compare(
      Map<String, TableStats> expected, Map<String, TableStats> actual, List<String> problems) {
    expected.forEach(
        (table, want) -> {
          TableStats got = actual.get(table);
          if (got == null) {
            problems.add("table " + table + " is missing from the restored backup");
          } else if (got.rows() != want.rows()) {
            problems.add(
                "table " + table + " has " + got.rows() + " rows, expected " + want.rows());
          } else if (!got.checksum().equals(want.checksum())) {
            problems.add("table " + table + " content checksum differs from the manifest");
          }
        });
    actual.keySet().stream()
        .filter(t -> !expected.containsKey(t))
        .forEach(t -> problems.add("table " + t + " is in the backup but not in the manifest"));
  }

  /**
   * Restores a backup into the live database, after taking a safety backup. With {@code
   * countryCode}, only that market's products and price history are replaced. {@code confirmed}
   * must be true: the caller is responsible for asking the operator.
   */
  public RestoreReport restore(BackupEntry entry, Optional<String> countryCode, boolean confirmed) {
    if (!confirmed) {
      throw new BackupException(
          "restore replaces live data in " + live.config().displayUrl() + "; confirm with --yes");
    }
    if (countryCode.isPresent() && !ai.buywhere.catalog.Markets.isCountryCode(countryCode.get())) {
      throw new BackupException(
          "--market must be a two-letter country code such as us or sg, got '"
              + countryCode.get()
              + "'");
    }
    BackupManifest m = entry.manifest();
    String liveDialect = live.dialect().name().toLowerCase(Locale.ROOT);
    if (!m.dialect().equals(liveDialect)) {
      throw new BackupException("backup is " + m.dialect() + ", the live database " + liveDialect);
    }
    String sha = BackupStore.sha256(entry.path());
    if (!sha.equals(m.sha256())) {
      throw new BackupException(
          "backup " + m.id() + " is corrupt (sha256 mismatch); choose another backup");
    }
    String liveSchema = liveSchemaVersion();
    if (!Objects.equals(liveSchema, m.schemaVersion())) {
      throw new BackupException(
          "backup "
              + m.id()
              + " has schema version "
              + m.schemaVersion()
              + " but the live database has "
              + liveSchema
              + "; restore into an installation at the same version");
    }
    BackupEntry safety = create(BackupTier.SAFETY);
    String epochBefore = epoch();
    if (countryCode.isEmpty()) {
      long seqBefore = sequence();
      engine.restoreFull(entry.path());
      String epochAfter = UUID.randomUUID().toString().replace("-", "");
      long seq = Math.max(seqBefore, sequence());
      live.jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE catalog_sequence SET epoch = :e, value = :v WHERE id = 1")
                      .bind("e", epochAfter)
                      .bind("v", seq)
                      .execute());
      Map<String, Long> rows = new TreeMap<>();
      m.tables().forEach((t, s) -> rows.put(t, s.rows()));
      return new RestoreReport(
          m.id(), safety.id(), Optional.empty(), rows, epochBefore, epochAfter, 0, 0, 0, 0, 0);
    }
    String cc = countryCode.get().toUpperCase(Locale.ROOT);
    MarketRestore.MarketRows rows =
        engine.withScratch(entry.path(), c -> MarketRestore.read(c, cc));
    MarketRestore.Outcome o = new MarketRestore(live, clock).apply(cc, rows);
    return new RestoreReport(
        m.id(),
        safety.id(),
        Optional.of(cc),
        Map.of(),
        epochBefore,
        epochBefore,
        o.restored(),
        o.reinserted(),
        o.deactivated(),
        o.historyRemoved(),
        o.historyIn());
  }

  /** A pre-deploy backup plus the {@code .rollback_state} file the deploy runbook sources. */
  public BackupEntry preDeploy(String appVersion) {
    BackupEntry e = create(BackupTier.PRE_DEPLOY);
    new RollbackState(config.rollbackStateFile()).write(e, live.config().displayUrl(), appVersion);
    return e;
  }

  private String liveSchemaVersion() {
    return live.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE"
                            + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")
                    .mapTo(String.class)
                    .findOne()
                    .orElse("none"));
  }

  private String epoch() {
    return live.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT epoch FROM catalog_sequence WHERE id = 1")
                    .mapTo(String.class)
                    .one());
  }

  private long sequence() {
    return live.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT value FROM catalog_sequence WHERE id = 1")
                    .mapTo(Long.class)
                    .one());
  }
}
