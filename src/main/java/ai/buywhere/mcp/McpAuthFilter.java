package ai.buywhere.mcp;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.auth.Admission;
import ai.buywhere.auth.Authenticator;
import ai.buywhere.shared.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Guards the MCP servlet, which Javalin's before-handlers never see. Per HTTP request: 404 while
 * the {@code feature_mcp_server} flag is off; otherwise the same {@link Authenticator} as REST
 * (Bearer key, spends one request of the key's rate limit). Rejections carry the HTTP status,
 * {@code WWW-Authenticate} (401) or {@code Retry-After} + {@code X-RateLimit-*} (429), and a
 * JSON-RPC error body with the REST error code in {@code error.data.code}.
 */
final class McpAuthFilter extends HttpFilter {
  /** Server-defined JSON-RPC codes for HTTP-level rejections. */
  static final int UNAUTHORIZED = -32001;

  static final int RATE_LIMITED = -32029;
  static final int NOT_FOUND = -32004;

  private final Authenticator authenticator;
  private final BooleanSupplier enabled;

  McpAuthFilter(Authenticator authenticator, BooleanSupplier enabled) {
    this.authenticator = authenticator;
    this.enabled = enabled;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (!enabled.getAsBoolean()) {
      reject(resp, ErrorCode.NOT_FOUND, NOT_FOUND, "No such endpoint: " + req.getRequestURI());
      return;
    }
    String ip = authenticator.clientIp(req.getRemoteAddr(), req.getHeader("X-Forwarded-For"));
    Admission admission;
    try {
      admission = authenticator.admit(req.getHeader("Authorization"), ip, req.getRequestURI());
    } catch (ApiException e) {
      e.headers().forEach(resp::setHeader);
      if (e.code() == ErrorCode.UNAUTHORIZED) {
        resp.setHeader(
            "WWW-Authenticate",
            "Bearer realm=\"buywhere\", error=\"invalid_token\", error_description=\""
                + e.getMessage().replace("\"", "'")
                + "\"");
      }
      int rpc = e.code() == ErrorCode.RATE_LIMITED ? RATE_LIMITED : UNAUTHORIZED;
      reject(resp, e.code(), rpc, e.getMessage());
      return;
    }
    admission.headers().forEach(resp::setHeader);
    chain.doFilter(req, resp);
  }

  static void reject(HttpServletResponse resp, ErrorCode code, int rpcCode, String message)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", rpcCode);
    error.put("message", message);
    error.put("data", Map.of("code", code.wire(), "status", code.status()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", null);
    body.put("error", error);
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    resp.setStatus(code.status());
    resp.setContentType("application/json");
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }
}
