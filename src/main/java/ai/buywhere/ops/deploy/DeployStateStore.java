package ai.buywhere.ops.deploy;

import ai.buywhere.shared.BuyWhereException;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment monitor's state directory ({@code .deployment_state/} by default): {@code
 * circuit_breaker_<env>.json} holds the breaker, {@code history_<env>.jsonl} one JSON line per
 * check or event. Files are replaced atomically so an interrupted write never leaves a torn breaker
 * file. Deleting the breaker file resets it, as the runbook says.
 */
final class DeployStateStore {
  private final Path dir;
  private final ObjectMapper json = Json.mapper();

  DeployStateStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path breakerFile(String env) {
    return dir.resolve("circuit_breaker_" + env + ".json");
  }

  Path historyFile(String env) {
    return dir.resolve("history_" + env + ".jsonl");
  }

  Optional<CircuitBreaker> loadBreaker(String env) {
    Path f = breakerFile(env);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(f.toFile(), CircuitBreaker.class));
    } catch (IOException e) {
      throw new BuyWhereException(
          f
              + " is not a valid breaker state ("
              + e.getMessage()
              + "); reset it with"
              + " `buywhere deploy circuit-breaker --environment "
              + env
              + " --reset`");
    }
  }

  void saveBreaker(CircuitBreaker breaker) {
    writeAtomically(breakerFile(breaker.environment()), toJson(breaker));
  }

  boolean resetBreaker(String env) {
    try {
      return Files.deleteIfExists(breakerFile(env));
    } catch (IOException e) {
      throw new BuyWhereException("cannot delete " + breakerFile(env) + ": " + e.getMessage());
    }
  }

  void appendHistory(String env, Map<String, Object> event) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          historyFile(env),
          toJson(event) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new BuyWhereException("cannot write " + historyFile(env) + ": " + e.getMessage());
    }
  }

  /** History lines of {@code env} (or all environments when null), oldest first. */
  List<String> history(String env) {
    List<String> out = new ArrayList<>();
    try {
      if (!Files.isDirectory(dir)) {
        return out;
      }
      try (var files = Files.list(dir)) {
        for (Path f :
            files
                .filter(p -> p.getFileName().toString().startsWith("history_"))
                .filter(
                    p ->
                        env == null
                            || p.getFileName().toString().equals("history_" + env + ".jsonl"))
                .sorted()
                .toList()) {
          out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new BuyWhereException("cannot read " + dir + ": " + e.getMessage());
    }
    return out;
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeAtomically(Path target, String content) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new BuyWhereException("cannot write " + target + ": " + e.getMessage());
    }
  }
}
