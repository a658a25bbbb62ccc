package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.testsupport.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code buywhere incident …} end to end on an embedded data dir. */
class IncidentCommandTest {
  @TempDir Path dir;

  CliRun.Result run(String... args) {
    return CliRun.run(dir, args);
  }

  @Test
  void openAckNoteResolveListShowReport() {
    CliRun.Result open =
        run(
            "incident",
            "open",
            "--severity",
            "P2",
            "--title",
            "Auth failing",
            "--impact",
            "logins");
    assertThat(open.exit()).as(open.err()).isZero();
    assertThat(open.out()).contains("INC-1  P2  open").contains("impact:    logins");
    assertThat(run("incident", "ack", "INC-1").out()).contains("INC-1  P2  acknowledged");
    assertThat(run("incident", "engage", "INC-1", "--commander", "@bolt").out())
        .contains("commander: @bolt");
    assertThat(run("incident", "note", "INC-1", "rotated the signing key").out())
        .contains("note  cli:")
        .contains("rotated the signing key");
    CliRun.Result list = run("incident", "list", "--open");
    assertThat(list.out()).contains("INC-1").contains("engaged").contains("Auth failing");
    CliRun.Result json = run("incident", "show", "INC-1", "--json");
    assertThat(json.out()).contains("\"id\" : \"INC-1\"").contains("\"timeline\"");
    assertThat(run("incident", "resolve", "INC-1", "--resolution", "key rotated").out())
        .contains("resolved");
    assertThat(run("incident", "list", "--open").out()).contains("no open incidents");
    CliRun.Result report = run("incident", "report", "INC-1");
    assertThat(report.out())
        .contains("# Incident Report: [INC-1] - Auth failing")
        .contains("## Resolution\nkey rotated")
        .contains("_TO FILL: root cause");

    CliRun.Result bad = run("incident", "open", "--severity", "P7", "--title", "x");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("severity");
    CliRun.Result missing = run("incident", "ack", "INC-42");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("No incident with id INC-42");
    assertThat(run("incident", "ack", "INC-1").err()).contains("resolved");
  }
}
