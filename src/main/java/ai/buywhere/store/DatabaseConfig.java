package ai.buywhere.store;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the catalog lives. Absent {@code DATABASE_URL} means the embedded SQLite file {@code
 * <DATA_DIR>/buywhere.db}; a {@code postgresql://user:pass@host:port/db} URL or a {@code
 * jdbc:postgresql:} URL means PostgreSQL.
 */
public record DatabaseConfig(
    Dialect dialect, String jdbcUrl, String user, String password, int poolSize) {

  public static DatabaseConfig from(Settings settings, Path dataDir) {
    int pool = settings.getInt("DATABASE_POOL_SIZE", 10, 1, 500);
    Optional<String> url = settings.get("DATABASE_URL");
    if (url.isEmpty()) {
      return sqlite(dataDir.resolve("buywhere.db"), pool);
    }
    return parse("DATABASE_URL", url.get(), pool);
  }

  public static DatabaseConfig sqlite(Path file, int poolSize) {
    return new DatabaseConfig(
        Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null, poolSize);
  }

  /** Parses a libpq-style or JDBC PostgreSQL URL; {@code setting} names it in errors. */
  public static DatabaseConfig parse(String setting, String url, int poolSize) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new DatabaseConfig(Dialect.POSTGRESQL, url, null, null, poolSize);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return new DatabaseConfig(Dialect.SQLITE, url, null, null, poolSize);
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      try {
        URI uri = URI.create(url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
          String[] parts = uri.getRawUserInfo().split(":", 2);
          user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
          if (parts.length > 1) {
            password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
          }
        }
        if (uri.getHost() == null) {
          throw new ConfigException(setting + " has no host: expected postgresql://host/db");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + db + query;
        return new DatabaseConfig(Dialect.POSTGRESQL, jdbc, user, password, poolSize);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(setting + " is not a valid URL: " + e.getMessage());
      }
    }
    throw new ConfigException(
        setting
            + " must be a postgresql://user:pass@host:port/db URL or a jdbc:postgresql: URL; got '"
            + redact(url)
            + "'");
  }

  private static String redact(String url) {
    return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
  }

  /** The URL with any password masked, for logs and status output. */
  public String displayUrl() {
    return redact(jdbcUrl);
  }
}
