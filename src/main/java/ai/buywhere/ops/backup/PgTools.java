package ai.buywhere.ops.backup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and runs the PostgreSQL client tools. {@code pg_dump} can dump servers of its own major
 * version and older only, so each tool's version is compared with the server's before use and a
 * mismatch is reported with the fix rather than as a dump error half-way through.
 */
final class PgTools {
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");

  private final Path pgDump;
  private final Path pgRestore;

  private PgTools(Path pgDump, Path pgRestore) {
    this.pgDump = pgDump;
    this.pgRestore = pgRestore;
  }

  /**
   * Locates the tools ({@code PG_DUMP_PATH}/{@code PG_RESTORE_PATH}, else next to each other, else
   * on {@code PATH}) and checks they can handle a server of {@code serverMajor}.
   */
  static PgTools locate(Optional<String> dumpPath, Optional<String> restorePath, int serverMajor) {
    Path dump = find("pg_dump", "PG_DUMP_PATH", dumpPath, Optional.empty());
    Path restore =
        find(
            "pg_restore",
            "PG_RESTORE_PATH",
            restorePath,
            Optional.of(dump.resolveSibling("pg_restore")));
    checkVersion(dump, "PG_DUMP_PATH", serverMajor);
    checkVersion(restore, "PG_RESTORE_PATH", serverMajor);
    return new PgTools(dump, restore);
  }

  Path pgDump() {
    return pgDump;
  }

  Path pgRestore() {
    return pgRestore;
  }

  private static Path find(
      String name, String setting, Optional<String> configured, Optional<Path> sibling) {
    if (configured.isPresent()) {
      Path p = Path.of(configured.get());
      if (!Files.isExecutable(p)) {
        throw new BackupException(setting + " points at " + p + ", which is not an executable");
      }
      return p;
    }
    if (sibling.isPresent() && Files.isExecutable(sibling.get())) {
      return sibling.get();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name);
      }
    }
    throw new BackupException(
        name
            + " was not found on PATH; install the PostgreSQL client of the server's major version"
            + " (Debian: apt-get install postgresql-client) or set "
            + setting);
  }

  static int majorVersion(Path tool) {
    String out = run(List.of(tool.toString(), "--version"), Map.of(), 30).stdout();
    Matcher m = VERSION.matcher(out);
    if (!m.find()) {
      throw new BackupException("cannot tell the version of " + tool + " from: " + out.strip());
    }
    return Integer.parseInt(m.group(1));
  }

  private static void checkVersion(Path tool, String setting, int serverMajor) {
    int major = majorVersion(tool);
    if (major < serverMajor) {
      throw new BackupException(
          tool
              + " is PostgreSQL "
              + major
              + " but the server is PostgreSQL "
              + serverMajor
              + "; a client older than the server cannot dump or restore it. Install"
              + " postgresql-client-"
              + serverMajor
              + " or point "
              + setting
              + " at a client of version "
              + serverMajor
              + " or newer");
    }
  }

  /** What a finished tool run printed. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Runs a tool to completion; a non-zero exit is returned, not thrown. */
  static Result run(List<String> command, Map<String, String> env, long timeoutMinutes) {
    Process p = start(command, env);
    return await(p, command, timeoutMinutes);
  }

  static Process start(List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
      pb.environment().putAll(env);
      return pb.start();
    } catch (IOException e) {
      throw new BackupException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  static Result await(Process p, List<String> command, long timeoutMinutes) {
    try {
      // Drain stdout on another thread so a chatty tool cannot block on a full pipe.
      var out = new java.util.concurrent.CompletableFuture<String>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  out.complete(
                      new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  out.complete("");
                }
              },
              "pg-tool-stdout");
      reader.setDaemon(true);
      reader.start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new BackupException(command.get(0) + " did not finish in " + timeoutMinutes + " min");
      }
      return new Result(p.exitValue(), out.get(1, TimeUnit.MINUTES), err);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BackupException("interrupted while running " + command.get(0), e);
    } catch (IOException
        | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      throw new BackupException("cannot read the output of " + command.get(0), e);
    }
  }
}
