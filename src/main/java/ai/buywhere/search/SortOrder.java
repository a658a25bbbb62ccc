package ai.buywhere.search;

import java.util.Locale;
import java.util.Optional;

/** Result orders of the public contract; {@link #wire()} is the query-parameter spelling. */
public enum SortOrder {
  RELEVANCE,
  PRICE_ASC,
  PRICE_DESC,
  NEWEST,
  RATING,
  /** Largest discount first; used by deals. */
  DISCOUNT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SortOrder> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    for (SortOrder s : values()) {
      if (s.wire().equals(raw.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
