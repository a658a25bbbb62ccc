package ai.buywhere.ops.backup;

import ai.buywhere.store.DatabaseConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL server and database in the forms the JDBC driver and the libpq tools ({@code
 * pg_dump}, {@code pg_restore}) want: the tools get {@code PG*} environment variables so that the
 * password never appears on a command line.
 */
record PgTarget(String host, int port, String database, String user, String password) {

  static PgTarget of(DatabaseConfig config) {
    String url = config.jdbcUrl();
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new BackupException("not a PostgreSQL URL: " + config.displayUrl());
    }
    URI uri = URI.create(url.substring("jdbc:".length()));
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        String[] p = kv.split("=", 2);
        query.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
      }
    }
    String user = config.user() != null ? config.user() : query.get("user");
    String password = config.password() != null ? config.password() : query.get("password");
    String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath();
    return new PgTarget(
        uri.getHost(),
        uri.getPort() > 0 ? uri.getPort() : 5432,
        db.startsWith("/") ? db.substring(1) : db,
        user,
        password);
  }

  PgTarget withDatabase(String name) {
    return new PgTarget(host, port, name, user, password);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  Connection connect() throws SQLException {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("ApplicationName", "buywhere-backup");
    p.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl(), p);
  }

  /** libpq environment for the client tools. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PGHOST", host);
    env.put("PGPORT", String.valueOf(port));
    env.put("PGDATABASE", database);
    if (user != null) {
      env.put("PGUSER", user);
    }
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    env.put("PGCONNECT_TIMEOUT", "10");
    return env;
  }
}
