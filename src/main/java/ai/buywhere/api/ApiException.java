package ai.buywhere.api;

import ai.buywhere.shared.BuyWhereException;
import java.util.Map;

/**
 * An error a client caused or must handle, with its stable code. Thrown anywhere below a route;
 * mapped to {@code {error:{code, message, request_id}}} and its status in one place (and to MCP
 * errors by the MCP layer). {@code headers} are added to the response (e.g. {@code Retry-After}).
 */
public class ApiException extends BuyWhereException {
  private final ErrorCode code;
  private final Map<String, String> headers;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public ApiException(ErrorCode code, String message, Map<String, String> headers) {
    super(message);
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** 400 {@code invalid_params} naming the parameter. */
  public static ApiException invalid(String param, String problem) {
    return new ApiException(ErrorCode.INVALID_PARAMS, "Parameter '" + param + "' " + problem);
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }
}
