package ai.buywhere.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.cli.BuyWhereCommand;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code buywhere backup …} commands end to end on an embedded SQLite data dir. */
class BackupCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out) {}

  private Run run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data-dir";
      all[args.length + 1] = dir.toString();
      int code = BuyWhereCommand.execute(all);
      return new Run(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void createListVerifyAndRestoreFromTheCommandLine() throws Exception {
    assertThat(run("backup", "create", "hourly").exit()).isZero();
    assertThat(run("backup", "create", "daily").exit()).isZero();
    assertThat(run("backup", "create", "monthly").exit()).isNotZero();

    Run list = run("backup", "list", "--json");
    assertThat(list.exit()).isZero();
    JsonNode arr = Json.mapper().readTree(list.out());
    assertThat(arr).hasSize(2);
    JsonNode first = arr.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("id", "tier", "path", "created_at", "size_bytes", "sha256");
    assertThat(run("backup", "list", "hourly", "--json").out()).contains("\"tier\" : \"hourly\"");

    Run verify = run("backup", "verify", "all");
    assertThat(verify.exit()).isZero();
    assertThat(verify.out()).contains("OK").doesNotContain("FAILED");
    Path prom = dir.resolve("backups/backup_verification.prom");
    assertThat(Files.readString(prom)).contains("buywhere_backup_verification_failed");

    Path hourly = Path.of(arr.get(1).get("path").asText());
    assertThat(hourly.toString()).contains("hourly");
    byte[] bytes = Files.readAllBytes(hourly);
    bytes[bytes.length - 100] ^= 0x40;
    Files.write(hourly, bytes);
    Run bad = run("backup", "verify", "all");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("FAILED");

    // No terminal and no --yes: refused, and no safety backup was taken.
    String daily = arr.get(0).get("id").asText();
    assertThat(run("backup", "restore", daily).exit()).isNotZero();
    assertThat(run("backup", "list", "safety").out()).isBlank();
    Run restore = run("backup", "restore", daily, "--yes");
    assertThat(restore.exit()).isZero();
    assertThat(restore.out()).contains("catalog epoch").contains("safety backup taken first");

    Run pre = run("backup", "pre-deploy");
    assertThat(pre.exit()).isZero();
    assertThat(Files.readString(dir.resolve(".rollback_state"))).contains("BACKUP_ID='pre-deploy-");
    assertThat(run("replication", "status").exit()).isNotZero();
  }
}
