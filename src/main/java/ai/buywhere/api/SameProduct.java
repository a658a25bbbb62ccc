package ai.buywhere.api;

import ai.buywhere.catalog.Product;
import java.util.Locale;

/**
 * Whether two catalog rows are offers of the same real-world product: the same GTIN when both have
 * one, else the same model number (letters and digits only), else the same normalised title.
 */
final class SameProduct {
  private SameProduct() {}

  static boolean matches(Product a, Product b) {
    if (a.gtin() != null && b.gtin() != null) {
      return norm(a.gtin()).equals(norm(b.gtin()));
    }
    if (a.model() != null && b.model() != null) {
      return norm(a.model()).equals(norm(b.model()));
    }
    return a.title() != null && b.title() != null && norm(a.title()).equals(norm(b.title()));
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
