package ai.buywhere.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed URI, bad headers) get the same
 * JSON envelope instead of Jetty's HTML page, and never a stack trace.
 */
final class JettyErrorHandler extends ErrorHandler {
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  @Override
  protected void generateResponse(
      Request request, Response response, int status, String message, Throwable cause, Callback cb)
      throws IOException {
    String given = request.getHeaders().get(RequestIds.HEADER);
    String id =
        given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ErrorCode code = ErrorMapper.fromStatus(status);
    String text =
        code == ErrorCode.INVALID_PARAMS ? "Malformed request" : ErrorMapper.defaultMessage(code);
    byte[] body = ApiJson.mapper().writeValueAsBytes(ErrorBody.of(code, text, id));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(RequestIds.HEADER, id);
    response.write(true, ByteBuffer.wrap(body), cb);
  }
}
