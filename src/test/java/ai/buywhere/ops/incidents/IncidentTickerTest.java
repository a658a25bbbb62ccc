package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Incidents#start()} runs the SLA/escalation pass on its own; close stops it. */
class IncidentTickerTest {
  @TempDir Path dir;

  @Test
  void startedTickerNoticesDeadlinesAndCloseStopsIt() throws Exception {
    Instant opened = Instant.parse("2026-03-10T14:00:00Z");
    try (IncidentFixture f =
        new IncidentFixture(Dialect.SQLITE, dir, opened, Map.of("INCIDENT_TICK_S", "1"))) {
      f.service().open("P1", "API down", null, "t");
      f.clock.advance(Duration.ofMinutes(11));
      f.incidents.start();
      f.incidents.start(); // idempotent
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                Incident i = f.service().get("INC-1");
                assertThat(i.ackBreached()).isTrue();
                assertThat(i.escalationStep()).isEqualTo(1);
              });
      f.incidents.close();
      f.clock.advance(Duration.ofMinutes(10));
      Incident before = f.service().get("INC-1");
      // nothing runs any more: a pass would have escalated to @cto at 20 min
      await()
          .during(Duration.ofMillis(2500))
          .atMost(Duration.ofSeconds(4))
          .until(() -> f.service().get("INC-1").escalationStep() == before.escalationStep());
    }
  }
}
