package ai.buywhere.ops.flags;

import io.javalin.http.Context;
import java.security.Principal;

/**
 * Who is acting, for the audit trail. The auth module in front of {@code /admin/*} stores the
 * authenticated caller in the context attribute {@code principal} (a String, a {@link Principal},
 * or any object whose {@code toString()} names it); without it the actor is {@code admin}.
 */
final class AdminPrincipal {
  static final String ATTRIBUTE = "principal";

  private AdminPrincipal() {}

  static String of(Context ctx) {
    Object p = ctx.attribute(ATTRIBUTE);
    if (p instanceof Principal principal) {
      return principal.getName();
    }
    if (p != null && !p.toString().isBlank()) {
      return p.toString();
    }
    return "admin";
  }
}
