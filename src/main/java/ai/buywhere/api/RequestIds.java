package ai.buywhere.api;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * {@code X-Request-Id}: a caller's id is echoed when it is sane (at most 128 characters of {@code
 * [A-Za-z0-9._-]}), otherwise a fresh UUID is used. The id is kept as a context attribute so error
 * bodies and logs carry the same value.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = "buywhere.request_id";

  /** The logging MDC key holding the id while the request's handlers run. */
  public static final String MDC_KEY = "request_id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id =
        given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /**
   * The request's id; assigns one if the before-handler has not run (e.g. a 404 before routing).
   */
  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      assign(ctx);
      id = ctx.attribute(ATTRIBUTE);
    }
    return id;
  }
}
