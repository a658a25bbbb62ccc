package ai.buywhere.catalog;

import java.util.Locale;
import java.util.Optional;

/** The contract's availability values; {@link #wire()} is the JSON spelling. */
public enum Availability {
  IN_STOCK,
  OUT_OF_STOCK,
  PREORDER,
  LIMITED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the wire form and the common spellings merchants use, including schema.org URLs ({@code
   * https://schema.org/InStock}) and Google Merchant values ({@code in stock}).
   */
  public static Optional<Availability> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.trim().toLowerCase(Locale.ROOT);
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      s = s.substring(slash + 1);
    }
    s = s.replace(" ", "").replace("_", "").replace("-", "");
    switch (s) {
      case "instock", "available", "true", "onlineonly", "instoreonly":
        return Optional.of(IN_STOCK);
      case "outofstock", "soldout", "unavailable", "false", "discontinued":
        return Optional.of(OUT_OF_STOCK);
      case "preorder", "presale", "backorder":
        return Optional.of(PREORDER);
      case "limited", "limitedavailability", "lowstock":
        return Optional.of(LIMITED);
      default:
        return Optional.empty();
    }
  }
}
