package ai.buywhere.ingest;

import java.util.Locale;
import java.util.Optional;

/** The feed formats a source can have; {@link #wire()} is the admin API / YAML spelling. */
public enum SourceKind {
  SHOPIFY,
  WOOCOMMERCE,
  JSONLD_SITEMAP,
  GOOGLE_MERCHANT,
  CSV,
  JSONL,
  /** Rows arrive through {@code POST /v1/ingest/products}; never fetched or scheduled. */
  PUSH;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceKind> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    for (SourceKind k : values()) {
      if (k.wire().equals(raw.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
