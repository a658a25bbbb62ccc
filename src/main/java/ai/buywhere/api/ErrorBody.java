package ai.buywhere.api;

/** The error envelope of the public contract: {@code {error:{code, message, request_id}}}. */
public record ErrorBody(Detail error) {

  public record Detail(String code, String message, String requestId) {}

  public static ErrorBody of(ErrorCode code, String message, String requestId) {
    return new ErrorBody(new Detail(code.wire(), message, requestId));
  }
}
