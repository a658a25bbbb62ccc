package ai.buywhere.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses. {@link ApiException} keeps its code, status
 * and headers; Javalin's own responses (unknown route, wrong method, unreadable JSON body, body too
 * large) get the same envelope; anything else is a 500 {@code internal_error} whose message says
 * nothing about internals, logged with the request id.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final String WRITTEN = "buywhere.error_written";

  private ErrorMapper() {}

  static void install(JavalinConfig config) {
    config.routes.exception(
        ApiException.class,
        (e, ctx) -> {
          e.headers().forEach(ctx::header);
          write(ctx, e.code(), e.getMessage());
        });
    config.routes.exception(
        HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus()), message(e)));
    config.routes.exception(
        JsonProcessingException.class,
        (e, ctx) -> write(ctx, ErrorCode.INVALID_PARAMS, bodyMessage(e)));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
          write(ctx, ErrorCode.INTERNAL_ERROR, "Internal error; quote the request id to support");
        });
    // A bare status (set without an exception and without a body) still gets the envelope; a
    // handler that wrote its own body (e.g. /ready answering 503 with details) keeps it.
    for (ErrorCode code : ErrorCode.values()) {
      config.routes.error(
          code.status(),
          ctx -> {
            if (ctx.attribute(WRITTEN) == null && ctx.result() == null) {
              write(ctx, code, defaultMessage(code));
            }
          });
    }
  }

  static void write(Context ctx, ErrorCode code, String message) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(code.status()).json(ErrorBody.of(code, message, RequestIds.of(ctx)));
  }

  /** Names the offending field or position without echoing Jackson's internals. */
  private static String bodyMessage(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return "Parameter '" + field + "' in the request body has the wrong type or format";
    }
    JsonLocation at = e.getLocation();
    return at == null
        ? "Request body is not valid JSON"
        : "Request body is not valid JSON (line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + ")";
  }

  static ErrorCode fromStatus(int status) {
    for (ErrorCode c : ErrorCode.values()) {
      if (c.status() == status) {
        return c;
      }
    }
    return status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_PARAMS;
  }

  private static String message(HttpResponseException e) {
    ErrorCode code = fromStatus(e.getStatus());
    return switch (code) {
      case NOT_FOUND -> "No such resource";
      case METHOD_NOT_ALLOWED -> "Method not allowed on this path";
      case PAYLOAD_TOO_LARGE -> "Request body too large";
      case INVALID_PARAMS -> "Request body is not valid JSON for this endpoint";
      default -> defaultMessage(code);
    };
  }

  static String defaultMessage(ErrorCode code) {
    return MESSAGES.getOrDefault(code, code.wire().replace('_', ' '));
  }

  private static final Map<ErrorCode, String> MESSAGES =
      Map.of(
          ErrorCode.NOT_FOUND, "No such resource",
          ErrorCode.INTERNAL_ERROR, "Internal error; quote the request id to support",
          ErrorCode.INVALID_PARAMS, "Invalid request");
}
