package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ET rotation across both 2026 DST changes, and policy loading/overrides. */
class RotationTest {
  static final ZoneId ET = ZoneId.of("America/New_York");
  final IncidentPolicy policy = IncidentPolicyLoader.load(Settings.of(Map.of(), Map.of()));

  static Instant et(String local) {
    return LocalDateTime.parse(local).atZone(ET).toInstant();
  }

  @ParameterizedTest
  @CsvSource({
    // spring forward (02:00 EST → 03:00 EDT): 07:59 EDT is 11:59 UTC
    "2026-03-08T07:59, 2026-03-08T11:59:00Z, @ops-night-oncall, @ops-day-oncall",
    "2026-03-08T08:00, 2026-03-08T12:00:00Z, @ops-day-oncall, @ops-evening-oncall",
    // fall back (02:00 EDT → 01:00 EST): 07:59 EST is 12:59 UTC
    "2026-11-01T07:59, 2026-11-01T12:59:00Z, @ops-night-oncall, @ops-day-oncall",
    "2026-11-01T08:00, 2026-11-01T13:00:00Z, @ops-day-oncall, @ops-evening-oncall",
    "2026-11-01T15:59, 2026-11-01T20:59:00Z, @ops-day-oncall, @ops-evening-oncall",
    "2026-11-01T16:00, 2026-11-01T21:00:00Z, @ops-evening-oncall, @ops-night-oncall",
    "2026-11-01T00:00, 2026-11-01T04:00:00Z, @ops-night-oncall, @ops-day-oncall"
  })
  void rotationFollowsEasternWallClock(String local, String utc, String primary, String secondary) {
    Instant at = et(local);
    assertThat(at).isEqualTo(Instant.parse(utc));
    assertThat(policy.rotation().at(at)).isEqualTo(new Rotation.OnCall(primary, secondary));
    assertThat(policy.resolveTarget("@primary", at)).isEqualTo(primary);
    assertThat(policy.resolveTarget("@secondary", at)).isEqualTo(secondary);
    assertThat(policy.resolveTarget("@cto", at)).isEqualTo("@cto");
  }

  @Test
  void aFixedUtcOffsetWouldPickTheWrongShift() {
    // 12:30 UTC on 2026-11-01 is 07:30 EST (night), though it would be 08:30 under EDT
    assertThat(policy.rotation().at(Instant.parse("2026-11-01T12:30:00Z")).primary())
        .isEqualTo("@ops-night-oncall");
    assertThat(policy.rotation().at(Instant.parse("2026-10-31T12:30:00Z")).primary())
        .isEqualTo("@ops-day-oncall");
  }

  @Test
  void runbookTimersAreTheDefaults() {
    assertThat(policy.sla(Severity.P1))
        .isEqualTo(
            new IncidentPolicy.Sla(
                Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)));
    assertThat(policy.sla(Severity.P2).resolve()).isEqualTo(Duration.ofHours(4));
    assertThat(policy.sla(Severity.P3))
        .isEqualTo(
            new IncidentPolicy.Sla(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(24)));
    assertThat(policy.sla(Severity.P4).engage()).isNull();
    assertThat(policy.sla(Severity.P4).acknowledge()).isEqualTo(Duration.ofHours(8));
    assertThat(policy.sla(Severity.P4).resolve()).isEqualTo(Duration.ofHours(48));
    assertThat(policy.chain(Severity.P1).steps())
        .extracting(IncidentPolicy.Step::after)
        .containsExactly(
            Duration.ZERO, Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30));
    assertThat(policy.chain(Severity.P2).steps())
        .extracting(IncidentPolicy.Step::target)
        .containsExactly("@primary", "@ops-lead");
    assertThat(policy.channels(Severity.P1))
        .isEqualTo(new IncidentPolicy.Channels("#incidents-critical", true));
    assertThat(policy.channels(Severity.P3))
        .isEqualTo(new IncidentPolicy.Channels("#incidents", false));
  }

  @Test
  void overrideFileChangesOnlyWhatItNames(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yml");
    Files.writeString(
        file,
        """
        sla:
          P1: {acknowledge: 2m}
        escalation:
          P2:
            steps:
              - {after: 0m, notify: "@secondary"}
        """);
    IncidentPolicy p =
        IncidentPolicyLoader.load(
            Settings.of(Map.of("INCIDENT_POLICY_FILE", file.toString()), Map.of()));
    assertThat(p.sla(Severity.P1).acknowledge()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.sla(Severity.P1).engage()).isEqualTo(Duration.ofMinutes(15));
    assertThat(p.chain(Severity.P2).steps())
        .extracting(IncidentPolicy.Step::target)
        .containsExactly("@secondary");
    assertThat(p.chain(Severity.P1).steps()).hasSize(4);
  }

  @Test
  void invalidPolicyNamesTheField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yml");
    Files.writeString(file, "sla:\n  P2: {engage: soon}\n");
    Settings s = Settings.of(Map.of("INCIDENT_POLICY_FILE", file.toString()), Map.of());
    assertThatThrownBy(() -> IncidentPolicyLoader.load(s))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sla.P2.engage");
    Files.writeString(
        file, "rotation:\n  windows:\n    - {from: \"00:00\", to: \"12:00\", primary: \"@a\"}\n");
    assertThatThrownBy(() -> IncidentPolicyLoader.load(s))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rotation.windows");
    assertThatThrownBy(
            () ->
                IncidentPolicyLoader.load(
                    Settings.of(
                        Map.of("INCIDENT_POLICY_FILE", dir.resolve("nope").toString()), Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INCIDENT_POLICY_FILE");
  }
}
