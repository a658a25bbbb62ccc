package ai.buywhere.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for tests: a fresh SQLite file in a temp dir, or a fresh PostgreSQL database on
 * the local server ({@code BUYWHERE_TEST_PG}, default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) created per test and dropped after.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static String adminUrl() {
    String env = System.getenv("BUYWHERE_TEST_PG");
    return env != null ? env : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  }

  /** A database config plus what it takes to drop it again. */
  public record Created(DatabaseConfig config, String pgName) implements AutoCloseable {
    @Override
    public void close() {
      if (pgName != null) {
        dropPostgres(pgName);
      }
    }
  }

  public static Created sqlite(Path dir) {
    return new Created(DatabaseConfig.sqlite(dir.resolve("buywhere.db"), 4), null);
  }

  public static Created postgres() {
    String name = "bw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    exec("CREATE DATABASE " + name);
    String url = adminUrl().replace("/postgres?", "/" + name + "?");
    return new Created(DatabaseConfig.parse("test", url, 8), name);
  }

  public static Created create(Dialect dialect, Path dir) {
    return dialect == Dialect.SQLITE ? sqlite(dir) : postgres();
  }

  static void dropPostgres(String name) {
    exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void exec(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl());
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL test database unavailable at "
              + adminUrl()
              + " ("
              + e.getMessage()
              + "); start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start",
          e);
    }
  }
}
