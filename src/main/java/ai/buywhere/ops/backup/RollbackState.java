package ai.buywhere.ops.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .rollback_state} file: {@code KEY='value'} lines that the deploy runbook {@code
 * source}s to know which backup to roll back to. Values are single-quoted for the shell.
 */
public final class RollbackState {
  private final Path file;

  public RollbackState(Path file) {
    this.file = file;
  }

  void write(BackupEntry e, String database, String appVersion) {
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("BACKUP_ID", e.id());
    kv.put("BACKUP_FILE", e.path().toAbsolutePath().toString());
    kv.put("BACKUP_MANIFEST", e.manifestPath().toAbsolutePath().toString());
    kv.put("BACKUP_SHA256", e.manifest().sha256());
    kv.put("BACKUP_CREATED_AT", e.manifest().createdAt().toString());
    kv.put("SCHEMA_VERSION", e.manifest().schemaVersion());
    kv.put("DATABASE", database);
    kv.put("APP_VERSION", appVersion);
    StringBuilder sb = new StringBuilder("# written by buywhere backup pre-deploy\n");
    kv.forEach((k, v) -> sb.append(k).append('=').append(quote(v)).append('\n'));
    BackupStore.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The values of the file, unquoted. */
  public Map<String, String> read() {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (line.startsWith("#") || eq <= 0) {
          continue;
        }
        String v = line.substring(eq + 1);
        if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
          v = v.substring(1, v.length() - 1).replace("'\\''", "'");
        }
        out.put(line.substring(0, eq), v);
      }
    } catch (java.io.IOException ex) {
      throw new BackupException("cannot read " + file + ": " + ex.getMessage(), ex);
    }
    return out;
  }

  static String quote(String v) {
    return "'" + (v == null ? "" : v).replace("'", "'\\''") + "'";
  }
}
