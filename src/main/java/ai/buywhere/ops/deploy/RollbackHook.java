package ai.buywhere.ops.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The command run when the breaker opens (e.g. {@code kubectl rollout undo …}, {@code
 * scripts/rollback.sh quick production}); empty means "no automatic rollback, alert only". Runs
 * through {@code sh -c} with {@code DEPLOY_ENVIRONMENT} set, bounded by a timeout, output captured
 * (first 4 KiB).
 */
final class RollbackHook {
  /** What the hook did; {@code exitCode} −1 when none is configured or it timed out. */
  record Result(String command, int exitCode, String output) {
    String summary() {
      if (command == null) {
        return "none configured (set --rollback-command or DEPLOY_ROLLBACK_COMMAND)";
      }
      return "`" + command + "` exited " + exitCode;
    }
  }

  private final String command;
  private final long timeoutSeconds;

  RollbackHook(String command, long timeoutSeconds) {
    this.command = command == null || command.isBlank() ? null : command;
    this.timeoutSeconds = timeoutSeconds;
  }

  Result run(String environment) {
    if (command == null) {
      return new Result(null, -1, "");
    }
    try {
      ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
      pb.environment().put("DEPLOY_ENVIRONMENT", environment);
      Process p = pb.start();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(command, -1, "timed out after " + timeoutSeconds + "s");
      }
      return new Result(command, p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return new Result(command, -1, "could not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(command, -1, "interrupted");
    }
  }
}
