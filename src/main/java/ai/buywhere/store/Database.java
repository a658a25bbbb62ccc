package ai.buywhere.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system of record: a pooled {@link javax.sql.DataSource}, a {@link Jdbi} over it, and the
 * dialect. SQLite runs in WAL mode with foreign keys on, a busy timeout, and {@code BEGIN
 * IMMEDIATE} transactions so that a write transaction never fails half-way on a lock upgrade.
 *
 * <p>Thread-safe; one instance per process, closed at shutdown.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final DatabaseConfig config;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(DatabaseConfig config, HikariDataSource dataSource) {
    this.config = config;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the pool; does not migrate. */
  public static Database open(DatabaseConfig config, String poolName) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName(poolName);
    hc.setJdbcUrl(config.jdbcUrl());
    if (config.user() != null) {
      hc.setUsername(config.user());
    }
    if (config.password() != null) {
      hc.setPassword(config.password());
    }
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(Math.min(2, config.poolSize()));
    hc.setConnectionTimeout(10_000);
    hc.setInitializationFailTimeout(-1);
    if (config.dialect() == Dialect.SQLITE) {
      Properties p = new Properties();
      p.setProperty("journal_mode", "WAL");
      p.setProperty("foreign_keys", "true");
      p.setProperty("busy_timeout", "30000");
      p.setProperty("synchronous", "NORMAL");
      p.setProperty("transaction_mode", "IMMEDIATE");
      p.setProperty("date_class", "INTEGER");
      hc.setDataSourceProperties(p);
    } else {
      // Works behind PgBouncer in transaction mode: no server-side prepared statements.
      hc.addDataSourceProperty("prepareThreshold", "0");
      hc.addDataSourceProperty("reWriteBatchedInserts", "true");
      hc.addDataSourceProperty("ApplicationName", "buywhere");
    }
    return new Database(config, new HikariDataSource(hc));
  }

  /** Applies pending Flyway migrations for this dialect. */
  public Database migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(config.dialect().migrationLocation())
        .load()
        .migrate();
    log.info("database ready: {} ({})", config.displayUrl(), config.dialect());
    return this;
  }

  /** True when a trivial query answers. */
  public boolean ping() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return config.dialect();
  }

  public DatabaseConfig config() {
    return config;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
