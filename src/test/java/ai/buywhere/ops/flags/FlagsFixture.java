package ai.buywhere.ops.flags;

import ai.buywhere.app.Settings;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One migrated database (SQLite file or fresh PostgreSQL database) and any number of {@link
 * FeatureFlags} "nodes" over it, all closed together.
 */
final class FlagsFixture implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  private final TestDatabases.Created created;
  private final List<AutoCloseable> open = new ArrayList<>();

  FlagsFixture(Dialect dialect, Path dir) {
    this.created = TestDatabases.create(dialect, dir);
  }

  /** Command-line options that point a CLI command at this fixture's database. */
  String[] cliDatabaseArgs(Path dataDir) {
    return created.pgName() == null
        ? new String[] {"--data-dir", dataDir.toString()}
        : new String[] {"--database-url", created.config().jdbcUrl()};
  }

  /** One shared pool for tests that build more of the graph (catalog, search) themselves. */
  private Database shared;

  Database sharedDatabase() {
    if (shared == null) {
      shared = database();
    }
    return shared;
  }

  Database database() {
    Database db = Database.open(created.config(), "flags-test").migrate();
    open.add(db);
    return db;
  }

  FeatureFlags node(Map<String, String> env, Path flagsFile) {
    return node(env, flagsFile, Duration.ofSeconds(5));
  }

  FeatureFlags node(Map<String, String> env, Path flagsFile, Duration poll) {
    FeatureFlags f =
        new FeatureFlags(
            FlagRegistry.standard()
                .register("feature_test_only", "A flag declared by a test", true),
            new FlagsConfig(flagsFile, Duration.ofSeconds(30), poll),
            Settings.of(env, Map.of()),
            database(),
            clock);
    open.add(f);
    return f;
  }

  FeatureFlags node() {
    return node(Map.of(), null);
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    created.close();
  }
}
