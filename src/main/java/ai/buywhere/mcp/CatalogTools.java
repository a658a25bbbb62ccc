package ai.buywhere.mcp;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ApiJson;
import ai.buywhere.api.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eight catalog tools. A successful call returns the REST response as {@code structuredContent}
 * and the same JSON as one text item. Bad arguments are a JSON-RPC error {@code -32602} naming the
 * argument; a client-visible failure (missing product, unknown category, unavailable upstream) is a
 * result with {@code isError: true} and the message; anything else is logged and reported as an
 * internal error without details. Never a stack trace.
 */
final class CatalogTools {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogTools.class);

  private CatalogTools() {}

  /** A tool definition with its handler, for either kind of SDK server. */
  record CatalogTool(McpSchema.Tool tool, Function<CallToolRequest, CallToolResult> handler) {}

  static List<CatalogTool> tools(CatalogBackend backend) {
    return ToolCatalog.load().stream().map(def -> tool(def, backend)).toList();
  }

  /** For session servers (Streamable HTTP with sessions, stdio). */
  static List<SyncToolSpecification> specifications(CatalogBackend backend) {
    return tools(backend).stream()
        .map(
            t ->
                SyncToolSpecification.builder()
                    .tool(t.tool())
                    .callHandler((exchange, request) -> t.handler().apply(request))
                    .build())
        .toList();
  }

  /** For the stateless server (POSTs without a session). */
  static List<McpStatelessServerFeatures.SyncToolSpecification> statelessSpecifications(
      CatalogBackend backend) {
    return tools(backend).stream()
        .map(
            t ->
                new McpStatelessServerFeatures.SyncToolSpecification(
                    t.tool(), (context, request) -> t.handler().apply(request)))
        .toList();
  }

  private static CatalogTool tool(ToolCatalog.ToolDef def, CatalogBackend backend) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(def.name())
            .title(def.title())
            .description(def.description())
            .inputSchema(def.inputSchema())
            .outputSchema(def.outputSchema())
            .annotations(new ToolAnnotations(def.title(), true, false, true, false, null))
            .build();
    return new CatalogTool(tool, request -> call(backend, def.name(), request));
  }

  static CallToolResult call(CatalogBackend backend, String name, CallToolRequest request) {
    Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
    try {
      return success(backend.call(name, args));
    } catch (ApiException e) {
      if (e.code() == ErrorCode.INVALID_PARAMS) {
        throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
            .message(e.getMessage())
            .data(Map.of("code", e.code().wire()))
            .build();
      }
      return failure(e.code().wire() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("MCP tool {} failed", name, e);
      return failure("internal_error: the tool failed; the server logged the cause");
    }
  }

  @SuppressWarnings("unchecked")
  static CallToolResult success(Object body) {
    Map<String, Object> structured = ApiJson.mapper().convertValue(body, Map.class);
    String text;
    try {
      text = ApiJson.mapper().writeValueAsString(structured);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response is not serialisable", e);
    }
    return CallToolResult.builder().structuredContent(structured).addTextContent(text).build();
  }

  static CallToolResult failure(String message) {
    return CallToolResult.builder().isError(true).addTextContent(message).build();
  }
}
