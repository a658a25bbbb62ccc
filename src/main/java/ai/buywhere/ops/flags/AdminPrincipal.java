package ai.buywhere.ops.flags;

import io.javalin.http.Context;
import java.security.Principal;

/**
 * Who is acting, for the audit trail. The auth module in front of {@code /admin/*} stores the
 * admitted caller in the context attribute {@code buywhere.admin.actor}; {@code principal} is read
 * as a fallback (a String, a {@link Principal}, or any object whose {@code toString()} names it);
 * without either the actor is {@code admin}.
 */
final class AdminPrincipal {
  /** Where the auth module's admin guard keeps the admitted actor. */
  static final String ADMIN_ACTOR = "buywhere.admin.actor";

  static final String ATTRIBUTE = "principal";

  private AdminPrincipal() {}

  static String of(Context ctx) {
    Object actor = ctx.attribute(ADMIN_ACTOR);
    Object p = actor != null ? actor : ctx.attribute(ATTRIBUTE);
    if (p instanceof Principal principal) {
      return principal.getName();
    }
    if (p != null && !p.toString().isBlank()) {
      return p.toString();
    }
    return "admin";
  }
}
