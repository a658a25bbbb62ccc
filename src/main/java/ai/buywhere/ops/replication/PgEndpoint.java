package ai.buywhere.ops.replication;

import ai.buywhere.store.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One PostgreSQL server as a probe target: short connect and socket timeouts, no pool. {@link
 * #isReady} follows {@code pg_isready}: a server that answers, even with an authentication error,
 * is up.
 */
record PgEndpoint(String name, DatabaseConfig config, int timeoutSeconds) {

  Connection connect() throws SQLException {
    Properties p = new Properties();
    if (config.user() != null) {
      p.setProperty("user", config.user());
    }
    if (config.password() != null) {
      p.setProperty("password", config.password());
    }
    p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
    p.setProperty("socketTimeout", String.valueOf(timeoutSeconds * 3));
    p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
    p.setProperty("ApplicationName", "buywhere-replication-probe");
    return DriverManager.getConnection(config.jdbcUrl(), p);
  }

  boolean isReady() {
    try (Connection c = connect()) {
      return c.isValid(timeoutSeconds);
    } catch (SQLException e) {
      String state = e.getSQLState();
      // 28xxx: authentication/authorisation, 3D000: no such database - the server answered.
      return state != null && (state.startsWith("28") || state.equals("3D000"));
    }
  }

  String displayUrl() {
    return config.displayUrl();
  }
}
