package ai.buywhere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.ShopifyFeeds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir Path dir;

  private record Out(int code, String text) {}

  private Out run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true));
    try {
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data-dir";
      all[args.length + 1] = dir.toString();
      int code = BuyWhereCommand.execute(all);
      return new Out(code, buf.toString());
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void sourcesTriggerRunsAndControlsThroughTheDatabase() throws Exception {
    try (FixtureServer feed = new FixtureServer()) {
      ShopifyFeeds.serve(feed, 3, null);
      Path yaml = dir.resolve("sources.yaml");
      Files.writeString(
          yaml,
          "sources:\n"
              + "  - id: gadgets_us\n    kind: shopify\n    url: "
              + feed.base()
              + "\n    interval_minutes: 30\n"
              + "  - id: courts_sg\n    kind: google_merchant\n    url: https://courts.example.sg/feed.xml\n");
      assertThat(run("ingest", "sources", "load", yaml.toString()).text())
          .contains("loaded 2 sources");
      assertThat(run("ingest", "sources", "add", "acme_vn", "--kind", "push").code()).isZero();
      Out list = run("ingest", "sources", "list");
      assertThat(list.text()).contains("gadgets_us", "courts_sg", "acme_vn", "VND", "SGD");
      Out trig = run("ingest", "trigger", "us_*");
      assertThat(trig.text()).contains("gadgets_us  queued ");
      assertThat(run("ingest", "trigger", "us_*").text()).contains("already queued/running");
      assertThat(run("ingest", "runs", "--source", "gadgets_us").text()).contains("queued");
      assertThat(run("ingest", "pause", "*_sg", "--reason", "freeze").text())
          .contains("pause: courts_sg");
      assertThat(run("ingest", "sources", "show", "courts_sg").text()).contains("paused (freeze)");
      assertThat(run("ingest", "stop", "gadgets_us").text()).contains("stop: gadgets_us");
      assertThat(run("ingest", "runs").text()).contains("cancelled");
      assertThat(run("ingest", "resume", "*").text()).contains("gadgets_us");
      assertThat(run("ingest", "pause", "nothing_*").code()).isEqualTo(1);
      assertThat(run("ingest", "sources", "add", "BAD", "--kind", "shopify").code()).isEqualTo(1);
    }
  }
}
