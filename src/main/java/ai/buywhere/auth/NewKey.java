package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What it takes to create a key. {@link #validated} checks every field and throws a 400 naming the
 * bad one (the register route calls the name {@code agent_name}, the admin API {@code name}).
 */
public record NewKey(
    String name, Tier tier, Role role, String contact, String useCase, Instant expiresAt) {
  static final int MAX_NAME = 200;
  static final int MAX_USE_CASE = 1000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public static NewKey validated(
      String nameParam,
      String name,
      Tier tier,
      Role role,
      String contact,
      String useCase,
      Instant expiresAt) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid(nameParam, "is required");
    }
    name = name.strip();
    if (name.length() > MAX_NAME) {
      throw ApiException.invalid(nameParam, "must be at most " + MAX_NAME + " characters");
    }
    if (tier == null) {
      throw ApiException.invalid("tier", "is required");
    }
    if (role == null) {
      role = Role.AGENT;
    }
    if (contact != null) {
      contact = contact.strip();
      if (contact.isEmpty()) {
        contact = null;
      } else if (contact.length() > 254 || !EMAIL.matcher(contact).matches()) {
        throw ApiException.invalid("contact", "must be an e-mail address");
      }
    }
    if (useCase != null && useCase.length() > MAX_USE_CASE) {
      throw ApiException.invalid("use_case", "must be at most " + MAX_USE_CASE + " characters");
    }
    return new NewKey(name, tier, role, contact, useCase, expiresAt);
  }

  public static NewKey of(String name, Tier tier, Role role) {
    return validated("name", name, tier, role, null, null, null);
  }
}
