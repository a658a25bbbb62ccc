package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.app.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistTest {
  private static final Path DIR = Path.of("config/checklists");
  @TempDir Path state;

  @Test
  void shippedChecklistsLoadAndUseOnlyKnownChecks() {
    assertThat(Checklist.names(DIR)).contains("go-live", "us-launch");
    for (String n : Checklist.names(DIR)) {
      Checklist c = Checklist.load(DIR, n);
      assertThat(c.phases()).isNotEmpty();
      assertThat(c.phases()).allSatisfy(p -> assertThat(p.items()).isNotEmpty());
    }
    Checklist goLive = Checklist.load(DIR, "go-live");
    assertThat(goLive.phases())
        .extracting(Checklist.Phase::id)
        .contains("T-7d", "T-2d", "T-1d", "T-0");
  }

  @Test
  void anUnknownCheckKindIsRejectedNamingTheItem(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("bad.yaml"),
        "name: bad\ntitle: Bad\nphases:\n  - id: T-0\n    title: x\n    owner: o\n    items:\n      - {id: i1, text: t, check: telepathy}\n");
    assertThatThrownBy(() -> Checklist.load(dir, "bad"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("i1")
        .hasMessageContaining("telepathy");
  }

  @Test
  void runChecksAutomatableItemsAndMergesSignoffs() throws Exception {
    ChecklistSignoffs signoffs = new ChecklistSignoffs(state, "go-live");
    signoffs.sign(
        "cdn", new ChecklistSignoffs.Signoff("@bolt", "2026-11-21T00:00:00Z", "CloudFront ok"));
    assertThat(new ChecklistSignoffs(state, "go-live").load()).containsKey("cdn");
    try (ScriptedTarget target = new ScriptedTarget()) {
      Checklist c = Checklist.load(DIR, "go-live");
      List<ChecklistRunner.Row> rows =
          new ChecklistRunner(new ApiClient(target.url(), Duration.ofSeconds(2)), null, "x")
              .run(c, "T-7d", signoffs.load());
      assertThat(rows).allMatch(r -> r.phase().equals("T-7d"));
      assertThat(rows)
          .filteredOn(r -> r.id().equals("cdn"))
          .singleElement()
          .extracting(ChecklistRunner.Row::status)
          .isEqualTo("signed");
      assertThat(rows)
          .filteredOn(r -> r.id().equals("iam"))
          .singleElement()
          .extracting(ChecklistRunner.Row::status)
          .isEqualTo("pending");
      // beyond status
      assertThat(rows)
          .filteredOn(r -> r.id().equals("lb-health"))
          .singleElement()
          .extracting(ChecklistRunner.Row::status)
          .isEqualTo("pass");
      // no replication metric on this target: the automated item fails with evidence, it is not
      // silently passed
      assertThat(rows)
          .filteredOn(r -> r.id().equals("replication-lag"))
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo("fail"))
          .satisfies(r -> assertThat(r.evidence()).contains("pg_replication_lag_seconds"));
      String md = ChecklistRunner.markdown(c, rows);
      assertThat(md)
          .contains("| Phase | Item | Owner | Status | Evidence |")
          .contains("signed by @bolt")
          .contains("item(s) open");
    }
  }
}
