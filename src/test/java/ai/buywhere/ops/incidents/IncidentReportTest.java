package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook's post-incident report, rendered from a real incident's timeline. */
class IncidentReportTest {
  @TempDir Path dir;

  @Test
  void rendersEverySectionFromTheTimelineWithBlanksMarked() throws Exception {
    Instant opened = Instant.parse("2026-04-23T04:00:00Z");
    try (IncidentFixture f = new IncidentFixture(Dialect.SQLITE, dir, opened, Map.of())) {
      f.service().open("P1", "API down", "all US traffic", "cli:alice");
      f.clock.advance(Duration.ofMinutes(4));
      f.service().acknowledge("INC-1", "alice");
      f.clock.advance(Duration.ofMinutes(4));
      f.service().engage("INC-1", "alice", null);
      f.service().note("INC-1", "alice", "connection pool exhausted\nrestarting api");
      f.clock.advance(Duration.ofMinutes(70));
      f.service().tick();
      f.service().resolve("INC-1", "alice", "Raised the pool size and restarted the API.");
      String md = IncidentReport.render(f.service().get("INC-1"), f.clock.instant());

      assertThat(md)
          .startsWith("# Incident Report: [INC-1] - API down\n")
          .contains("**Date:** 2026-04-23\n")
          .contains("**Duration:** 1 hours 18 minutes\n")
          .contains("**Severity:** P1 (Critical)\n")
          .contains("**Commander:** alice\n")
          .contains("**Root Cause:** _TO FILL: root cause, one line_\n")
          .contains("## Timeline\n")
          .contains("- 04:00 - opened (cli:alice): P1 incident opened: API down\n")
          .contains("- 04:00 - notified (system): notified @ops-night-oncall (@primary)\n")
          .contains("- 04:04 - acknowledged (alice)\n")
          .contains("- 04:08 - engaged (alice)\n")
          .contains("- 04:08 - note (alice): connection pool exhausted restarting api\n")
          .contains("- 05:18 - sla breached (system): resolve SLA of 1h breached")
          .contains("- 05:18 - resolved (alice): Raised the pool size and restarted the API.\n")
          .contains("## Impact\n- Reported impact: all US traffic\n")
          .contains("- Users affected: _TO FILL: number/estimate_\n")
          .contains("- Data loss: _TO FILL: yes/no/amount_\n")
          .contains("- Downtime: _TO FILL: duration_\n")
          .contains("## Root Cause\n_TO FILL: detailed explanation of what went wrong_\n")
          .contains("## Resolution\nRaised the pool size and restarted the API.\n")
          .contains("## Action Items\n- [ ] _TO FILL: action item (owner: @name)_\n")
          .contains("## Lessons Learned\n_TO FILL: what we learned from this incident_\n");
      // engaged within 15 min: no engage breach in the timeline
      assertThat(md).doesNotContain("engage SLA");
    }
  }

  @Test
  void unresolvedIncidentSaysSoAndLeavesResolutionBlank() throws Exception {
    Instant opened = Instant.parse("2026-04-23T04:00:00Z");
    try (IncidentFixture f = new IncidentFixture(Dialect.SQLITE, dir, opened, Map.of())) {
      f.service().open("P3", "Slow deals", null, "t");
      f.clock.advance(Duration.ofMinutes(125));
      String md = IncidentReport.render(f.service().get("INC-1"), f.clock.instant());
      assertThat(md)
          .contains("**Duration:** 2 hours 5 minutes (still open)\n")
          .contains("**Commander:** _TO FILL: incident commander_\n")
          .contains("## Resolution\n_TO FILL: what was done to fix the issue_\n")
          .doesNotContain("Reported impact");
    }
  }
}
