package ai.buywhere.ops.replication;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL primary ({@code initdb} + {@code pg_ctl}) and streaming replica ({@code
 * pg_basebackup -R} with a slot) on free ports under a temp dir, run as the {@code postgres} OS
 * user. Never touches the main cluster on 5432.
 */
final class ScratchCluster implements AutoCloseable {
  static final String BIN = binDir();

  /** The newest installed server version's binaries (Debian layout). */
  private static String binDir() {
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      return dirs.filter(d -> Files.isExecutable(d.resolve("bin/initdb")))
              .max(
                  java.util.Comparator.comparingInt(
                      d -> Integer.parseInt(d.getFileName().toString())))
              .orElseThrow(
                  () -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"))
          + "/bin/";
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL server binaries not found: apt-get install postgresql", e);
    }
  }

  final Path base;
  final int primaryPort;
  final int replicaPort;

  ScratchCluster() throws Exception {
    base = Files.createTempDirectory("bw-repl-");
    primaryPort = freePort();
    replicaPort = freePort();
    run("chown", "postgres:postgres", base.toString());
    asPostgres(
        BIN + "initdb",
        "-D",
        primary().toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-sync",
        "--no-instructions");
    Files.writeString(
        primary().resolve("postgresql.auto.conf"),
        String.join(
                "\n",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + base + "'",
                "wal_level = replica",
                "max_wal_senders = 5",
                "max_replication_slots = 5",
                "fsync = off",
                "synchronous_commit = off",
                "shared_buffers = 16MB",
                "")
            + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    start(primary(), primaryPort);
    asPostgres(
        BIN + "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        String.valueOf(primaryPort),
        "-U",
        "postgres",
        "-D",
        replica().toString(),
        "-R",
        "-X",
        "stream",
        "-C",
        "-S",
        "bw_replica",
        "--no-sync");
    start(replica(), replicaPort);
  }

  Path primary() {
    return base.resolve("primary");
  }

  Path replica() {
    return base.resolve("replica");
  }

  String url(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  void start(Path dataDir, int port) throws Exception {
    asPostgres(
        BIN + "pg_ctl",
        "-D",
        dataDir.toString(),
        "-l",
        dataDir + ".log",
        "-w",
        "-t",
        "60",
        "-o",
        "-p " + port,
        "start");
  }

  void stop(Path dataDir) throws Exception {
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      asPostgres(BIN + "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
    }
  }

  @Override
  public void close() throws Exception {
    try {
      stop(replica());
    } finally {
      stop(primary());
      run("rm", "-rf", base.toString());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void asPostgres(String... cmd) throws Exception {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(cmd));
    run(all.toArray(String[]::new));
  }

  static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
    }
  }
}
