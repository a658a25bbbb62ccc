package ai.buywhere.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client not written here: the official TypeScript SDK ({@code src/test/mcp-ts}, run with node)
 * lists the tools, calls each one and validates its {@code structuredContent} against the tool's
 * {@code outputSchema} with ajv. Installs the locked npm dependencies first when they are missing.
 */
class McpTypeScriptClientTest {
  static final Path PROJECT = Path.of("src", "test", "mcp-ts").toAbsolutePath();

  @Test
  void officialTypeScriptSdkCallsEveryToolAndValidatesOutput() throws Exception {
    if (!Files.isDirectory(PROJECT.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
      assertThat(ci.exit).as("npm ci: " + ci.output).isZero();
    }
    try (McpFixture fx = new McpFixture()) {
      String sony = fx.ids.get("sony-lz");
      Map<String, Object> calls = new LinkedHashMap<>();
      calls.put("search_products", Map.of("q", "sony headphones", "max_price", 600));
      calls.put("get_product", Map.of("id", sony));
      calls.put("compare_products", Map.of("ids", List.of(sony, fx.ids.get("bose-sh"))));
      calls.put("get_deals", Map.of("country_code", "SG", "compact", true));
      calls.put("list_categories", Map.of("country_code", "SG"));
      calls.put("find_best_price", Map.of("product_name", "Sony WH-1000XM5"));
      calls.put("get_price_history", Map.of("id", sony, "days", 30));
      calls.put("find_similar", Map.of("id", sony, "limit", 5));
      Path callsFile = fx.dataDir.resolve("calls.json");
      Files.writeString(callsFile, ApiJson.mapper().writeValueAsString(calls));

      Result r =
          run(List.of("node", "check.mjs", fx.url() + "/mcp", fx.key, callsFile.toString()), 120);
      assertThat(r.exit).as(r.output).isZero();
      assertThat(r.output).contains("all 8 tools ok", "ok invalid params").doesNotContain("FAIL");
    }
  }

  record Result(int exit, String output) {}

  static Result run(List<String> command, int timeoutSeconds) throws Exception {
    Path log = Files.createTempFile("mcp-ts", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out: " + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log));
  }
}
