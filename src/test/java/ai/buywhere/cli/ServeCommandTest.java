package ai.buywhere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code buywhere serve} as users run it: a separate JVM, real HTTP, then SIGTERM. */
class ServeCommandTest {
  @TempDir Path dataDir;

  @Test
  void servesOnTheGivenPortAndStopsOnSigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "ai.buywhere.app.Main",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .redirectErrorStream(true);
    pb.environment().remove("DATABASE_URL");
    Path log = dataDir.resolve("serve.log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    try {
      Pattern listening = Pattern.compile("BuyWhere API listening on (http://\\S+)");
      String url =
          Awaitility.await()
              .atMost(Duration.ofSeconds(90))
              .until(
                  () -> {
                    Matcher m = listening.matcher(Files.readString(log));
                    return m.find() ? m.group(1) : null;
                  },
                  u -> u != null);

      HttpClient http = HttpClient.newHttpClient();
      HttpRequest.Builder search =
          HttpRequest.newBuilder(URI.create(url + "/v1/products/search?q=tv"));
      assertThat(http.send(search.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
      HttpResponse<String> registered =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/v1/auth/register"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"agent_name\":\"serve-test\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).isEqualTo(201);
      String key = registered.body().replaceAll(".*\"api_key\":\"([^\"]+)\".*", "$1");
      HttpResponse<String> r =
          http.send(
              search.header("Authorization", "Bearer " + key).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"meta\"");

      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log)).contains("shutting down", "Javalin has stopped");
    } finally {
      p.destroyForcibly();
    }
  }
}
