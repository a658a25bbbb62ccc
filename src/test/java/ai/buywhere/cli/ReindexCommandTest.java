package ai.buywhere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.search.SearchRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexCommandTest {
  @TempDir Path dir;

  private Settings settings() {
    return Settings.of(Map.of(), Map.of("DATA_DIR", dir.toString()));
  }

  private record Run(int exit, String out, String err) {}

  private Run reindex() {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = BuyWhereCommand.execute("reindex", "--data-dir", dir.toString());
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void rebuildsTheIndexFromTheDatabase() {
    try (Application app = Application.open(settings())) {
      app.catalogWriter()
          .write(
              List.of(
                  ProductInput.builder("a", "test")
                      .title("Cordless drill DCD771")
                      .currency("USD")
                      .countryCode("US")
                      .build(),
                  ProductInput.builder("b", "test")
                      .title("Impact driver")
                      .currency("USD")
                      .countryCode("US")
                      .build()));
    }
    Run run = reindex();
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("reindexed 2 products");
    try (Application app = Application.open(settings())) {
      assertThat(app.search().search().search(SearchRequest.builder().q("dcd771").build()).total())
          .isEqualTo(1);
    }
  }

  @Test
  void refusesWhileAServerHoldsTheIndex() {
    try (Application server = Application.open(settings())) {
      server.search();
      Run run = reindex();
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("stop the server");
    }
  }
}
