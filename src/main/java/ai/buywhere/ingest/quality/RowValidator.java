package ai.buywhere.ingest.quality;

import ai.buywhere.catalog.ProductInput;
import ai.buywhere.ingest.normalize.Currencies;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-row checks. A row is written only when {@link #validate} returns no reasons. Reasons are
 * stable short codes ({@code missing_sku}, {@code missing_title}, {@code price_not_positive},
 * {@code missing_price}, {@code invalid_currency}, {@code invalid_url}, {@code title_too_long}).
 */
public final class RowValidator {
  static final BigDecimal MAX_PRICE = new BigDecimal("100000000000");

  private RowValidator() {}

  public static List<String> validate(ProductInput in) {
    List<String> reasons = new ArrayList<>(2);
    if (in.sku() == null || in.sku().isBlank()) {
      reasons.add("missing_sku");
    } else if (in.sku().length() > 255) {
      reasons.add("sku_too_long");
    }
    if (in.title() == null || in.title().isBlank()) {
      reasons.add("missing_title");
    } else if (in.title().length() > 1000) {
      reasons.add("title_too_long");
    }
    if (in.price() == null) {
      reasons.add("missing_price");
    } else if (in.price().signum() <= 0) {
      reasons.add("price_not_positive");
    } else if (in.price().compareTo(MAX_PRICE) >= 0) {
      reasons.add("price_out_of_range");
    }
    if (!Currencies.isIso(in.currency())) {
      reasons.add("invalid_currency");
    }
    if (!isHttpUrl(in.url())) {
      reasons.add("invalid_url");
    }
    return reasons;
  }

  static boolean isHttpUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI u = URI.create(url.trim());
      return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
          && u.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
