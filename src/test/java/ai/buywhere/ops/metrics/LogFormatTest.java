package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.shared.Json;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogFormatTest {

  @Test
  void explicitSettingWinsElseTerminalDecides() {
    assertThat(LogFormat.choose("JSON", true)).isEqualTo("json");
    assertThat(LogFormat.choose("text", false)).isEqualTo("text");
    assertThat(LogFormat.choose(null, true)).isEqualTo("text");
    assertThat(LogFormat.choose(null, false)).isEqualTo("json");
    assertThat(LogFormat.choose("xml", false)).isEqualTo("json");
  }

  @Test
  void shippedConfigWritesJsonLinesWithMdcFieldsToStderr() throws Exception {
    assertThat(logWith("json")).satisfies(this::assertJsonLine);
    assertThat(logWith("text"))
        .contains("INFO")
        .contains("req-42")
        .contains("GET /v1/products/{id}");
  }

  private void assertJsonLine(String out) {
    try {
      JsonNode line =
          Json.mapper()
              .readTree(out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
      assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(line.path("level").asText()).isEqualTo("INFO");
      assertThat(line.path("request_id").asText()).isEqualTo("req-42");
      assertThat(line.path("route").asText()).isEqualTo("/v1/products/{id}");
      assertThat(line.path("message").asText()).isEqualTo("GET /v1/products/{id} 200");
    } catch (Exception e) {
      throw new IllegalStateException("log output was: " + out, e);
    }
  }

  /** Configures a private logback context from the shipped logback.xml and logs one line. */
  private static String logWith(String format) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setProperty("LOG_FORMAT", format);
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    LoggerContext ctx = new LoggerContext();
    ctx.setMDCAdapter(MDC.getMDCAdapter());
    try {
      JoranConfigurator jc = new JoranConfigurator();
      jc.setContext(ctx);
      jc.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      MDC.put("request_id", "req-42");
      MDC.put("route", "/v1/products/{id}");
      ctx.getLogger("ai.buywhere.access").info("GET /v1/products/{id} 200");
    } finally {
      MDC.clear();
      ctx.stop();
      System.setErr(original);
      System.clearProperty("LOG_FORMAT");
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
