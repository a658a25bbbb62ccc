package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shipped staging load test ({@code deploy/locustfile.py}, Debian's python3-locust)
 * headless for a few seconds against a real local server, as the emergency-api-scaling runbook's
 * baseline step does, and checks that every request type ran without failures.
 */
class LocustRunTest {
  @TempDir Path dir;

  @Test
  void theRunbookUserMixRunsCleanAgainstALocalServer() throws Exception {
    try (LiveDeployment live = new LiveDeployment(dir.resolve("node"))) {
      Path csv = dir.resolve("baseline");
      ProcessBuilder pb =
          new ProcessBuilder(
                  "locust",
                  "-f",
                  "deploy/locustfile.py",
                  "--host",
                  live.url(),
                  "--users",
                  "5",
                  "--spawn-rate",
                  "5",
                  "--run-time",
                  "6s",
                  "--headless",
                  "--only-summary",
                  "--csv",
                  csv.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("locust.log").toFile());
      pb.environment().put("BUYWHERE_API_KEY", live.key);
      Process p = pb.start();
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("locust finished").isTrue();
      String log = Files.readString(dir.resolve("locust.log"));
      assertThat(p.exitValue()).as(log).isZero();
      List<String> stats = Files.readAllLines(Path.of(csv + "_stats.csv"));
      String header = stats.get(0);
      List<String> cols = List.of(header.split(","));
      int name = cols.indexOf("Name");
      int requests = cols.indexOf("Request Count");
      int failures = cols.indexOf("Failure Count");
      long total = 0;
      for (String line : stats.subList(1, stats.size())) {
        String[] f = line.split(",");
        if (f[name].equals("Aggregated")) {
          total = Long.parseLong(f[requests]);
          assertThat(Long.parseLong(f[failures])).as(line).isZero();
        }
      }
      assertThat(total).as(String.join("\n", stats)).isGreaterThan(20);
      assertThat(String.join("\n", stats)).contains("/v1/products/search", "/v1/products/{id}");
    }
  }
}
