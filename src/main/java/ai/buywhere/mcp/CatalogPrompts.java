package ai.buywhere.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/** Prompts that show an agent how to combine the tools for common shopping tasks. */
final class CatalogPrompts {
  private CatalogPrompts() {}

  static List<SyncPromptSpecification> specifications() {
    return List.of(cheapestOffer(), compareAlternatives());
  }

  static List<McpStatelessServerFeatures.SyncPromptSpecification> statelessSpecifications() {
    return specifications().stream()
        .map(
            p ->
                new McpStatelessServerFeatures.SyncPromptSpecification(
                    // the handlers never use the session exchange
                    p.prompt(), (context, req) -> p.promptHandler().apply(null, req)))
        .toList();
  }

  private static SyncPromptSpecification cheapestOffer() {
    McpSchema.Prompt prompt =
        new McpSchema.Prompt(
            "find_cheapest_offer",
            "Find the cheapest offer",
            "Find the cheapest offer for a product across merchants in a market.",
            List.of(
                new PromptArgument("product", "Product name or model", true),
                new PromptArgument("country_code", "Market, e.g. SG or US (optional)", false)));
    return new SyncPromptSpecification(
        prompt,
        (exchange, req) -> {
          String product = required(req.arguments(), "product");
          String cc = optional(req.arguments(), "country_code");
          String market = cc == null ? "" : " in market " + cc;
          return result(
              "Find the cheapest offer for \""
                  + product
                  + "\""
                  + market
                  + ". Call find_best_price with product_name=\""
                  + product
                  + "\""
                  + (cc == null ? "" : " and country_code=\"" + cc + "\"")
                  + ". Report the best offer (merchant, price, currency, link) and how much it"
                  + " saves against the other offers. If the match looks wrong, use"
                  + " search_products to find the right product and compare_products on the"
                  + " candidates. Check get_price_history for the best offer to say whether the"
                  + " price is low compared with the last 30 days.");
        });
  }

  private static SyncPromptSpecification compareAlternatives() {
    McpSchema.Prompt prompt =
        new McpSchema.Prompt(
            "compare_alternatives",
            "Compare alternatives",
            "Find alternatives to a product and compare them side by side.",
            List.of(new PromptArgument("product", "Product name or model", true)));
    return new SyncPromptSpecification(
        prompt,
        (exchange, req) -> {
          String product = required(req.arguments(), "product");
          return result(
              "Find alternatives to \""
                  + product
                  + "\". Call search_products with q=\""
                  + product
                  + "\" and limit=5, take the best match's id, call find_similar with that id"
                  + " and limit=5, then compare_products with the original and up to four"
                  + " alternatives. Summarise price, rating and key specs differences in a"
                  + " table.");
        });
  }

  private static GetPromptResult result(String text) {
    return new GetPromptResult(null, List.of(new PromptMessage(Role.USER, new TextContent(text))));
  }

  private static String required(Map<String, Object> args, String name) {
    String v = optional(args, name);
    if (v == null) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
          .message("Argument '" + name + "' is required")
          .build();
    }
    return v;
  }

  private static String optional(Map<String, Object> args, String name) {
    Object v = args == null ? null : args.get(name);
    return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
  }
}
