package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircuitBreakerTest {
  private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

  @Test
  void opensAfterConsecutiveFailuresAndASuccessResetsTheCount() {
    CircuitBreaker b = CircuitBreaker.closed("production", 2, T0);
    b = b.onFailure("5xx", false, T0.plusSeconds(30));
    assertThat(b.isOpen()).isFalse();
    b = b.onSuccess(T0.plusSeconds(60));
    assertThat(b.consecutiveFailures()).isZero();
    b = b.onFailure("5xx", false, T0.plusSeconds(90));
    b = b.onFailure("p99", false, T0.plusSeconds(120));
    assertThat(b.isOpen()).isTrue();
    assertThat(b.openedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(b.openReason()).contains("2 consecutive failures");
    // stays open on success until reset
    assertThat(b.onSuccess(T0.plusSeconds(150)).isOpen()).isTrue();
  }

  @Test
  void aCriticalFailureOpensAtOnce() {
    CircuitBreaker b = CircuitBreaker.closed("staging", 3, T0).onFailure("5xx 60%", true, T0);
    assertThat(b.isOpen()).isTrue();
    assertThat(b.openReason()).startsWith("critical");
  }

  @Test
  void stateSurvivesInItsJsonFileAndResetDeletesIt(@TempDir Path dir) {
    DeployStateStore store = new DeployStateStore(dir.resolve(".deployment_state"));
    CircuitBreaker open = CircuitBreaker.closed("production", 1, T0).onFailure("down", false, T0);
    store.saveBreaker(open);
    assertThat(store.breakerFile("production")).exists();
    assertThat(store.loadBreaker("production")).contains(open);
    assertThat(store.resetBreaker("production")).isTrue();
    assertThat(store.loadBreaker("production")).isEmpty();
  }
}
