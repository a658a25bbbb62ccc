package ai.buywhere.ops.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicProbeTest {
  @Test
  void keepsRunningAfterAFailingProbeAndStopsOnClose() {
    AtomicInteger runs = new AtomicInteger();
    try (PeriodicProbe p =
        PeriodicProbe.start(
            "test-probe",
            Duration.ofMillis(10),
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new ReplicationException("first run fails");
              }
            })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
    }
    int after = runs.get();
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> runs.get() <= after + 1);
    assertThat(runs.get()).isLessThanOrEqualTo(after + 1);
  }
}
