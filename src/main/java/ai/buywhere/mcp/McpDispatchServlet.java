package ai.buywhere.mcp;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code /mcp}: sends session traffic to the Streamable HTTP transport and lone requests to the
 * stateless one. A POST with an {@code Mcp-Session-Id} header, or whose body is an {@code
 * initialize} request, belongs to a session; any other POST (a stateless client calling {@code
 * tools/list} or {@code tools/call} directly) is answered by the stateless server. GET and DELETE
 * are session operations. The body is read once here (bounded by {@link #maxBodyBytes}) and
 * replayed to the chosen transport.
 */
final class McpDispatchServlet extends HttpServlet {
  static final String SESSION_HEADER = "Mcp-Session-Id";

  private final HttpServlet sessions;
  private final HttpServlet stateless;
  private final int maxBodyBytes;

  McpDispatchServlet(HttpServlet sessions, HttpServlet stateless, int maxBodyBytes) {
    this.sessions = sessions;
    this.stateless = stateless;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    if (!"POST".equals(req.getMethod()) || req.getHeader(SESSION_HEADER) != null) {
      sessions.service((ServletRequest) req, (ServletResponse) resp);
      return;
    }
    byte[] body = req.getInputStream().readNBytes(maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      McpAuthFilter.reject(
          resp,
          ai.buywhere.api.ErrorCode.PAYLOAD_TOO_LARGE,
          -32600,
          "Request body larger than " + maxBodyBytes + " bytes");
      return;
    }
    HttpServletRequest replay = new Replay(req, body);
    if (isInitialize(body)) {
      sessions.service((ServletRequest) replay, (ServletResponse) resp);
    } else {
      stateless.service((ServletRequest) replay, (ServletResponse) resp);
    }
  }

  static boolean isInitialize(byte[] body) {
    try {
      JsonNode n = Json.mapper().readTree(body);
      if (n != null && n.isArray()) {
        for (JsonNode m : n) {
          if ("initialize".equals(m.path("method").asText())) {
            return true;
          }
        }
        return false;
      }
      return n != null && "initialize".equals(n.path("method").asText());
    } catch (IOException e) {
      return true; // let the session transport answer the parse error
    }
  }

  /** The request with its already-read body. */
  private static final class Replay extends HttpServletRequestWrapper {
    private final byte[] body;

    Replay(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
