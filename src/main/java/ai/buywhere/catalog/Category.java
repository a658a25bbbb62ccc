package ai.buywhere.catalog;

/** A node of the derived category tree; {@code parentSlug} is null at the top level. */
public record Category(String slug, String name, String parentSlug, int depth) {}
