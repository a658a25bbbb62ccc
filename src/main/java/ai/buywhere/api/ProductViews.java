package ai.buywhere.api;

import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Product;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The one product → JSON mapping, shared by REST and MCP. Converts prices into the display currency
 * when the FX table knows both currencies; otherwise the product keeps its own currency.
 */
public final class ProductViews {
  private final FxRates fx;

  public ProductViews(FxRates fx) {
    this.fx = fx;
  }

  /** Full or compact view of {@code p} in {@code currency} (null keeps the product's own). */
  public Object view(Product p, String currency, boolean compact) {
    return compact ? compact(p, currency) : full(p, currency);
  }

  public ProductView full(Product p, String currency) {
    Money m = money(p, currency);
    return new ProductView(
        p.id(),
        p.sku(),
        p.source(),
        p.merchantId(),
        p.title(),
        p.description(),
        p.brand(),
        p.domain(),
        p.url(),
        p.imageUrl(),
        m.price(),
        m.originalPrice(),
        p.discountPct(),
        m.currency(),
        p.countryCode(),
        p.region(),
        p.rating(),
        p.reviewCount(),
        p.categoryPath() == null || p.categoryPath().isEmpty() ? null : p.categoryPath(),
        emptyToNull(p.structuredSpecs()),
        emptyToNull(p.comparisonAttributes()),
        p.normalizedPriceUsd(),
        p.availability(),
        p.gtin(),
        p.model(),
        p.updatedAt());
  }

  public CompactProductView compact(Product p, String currency) {
    Money m = money(p, currency);
    return new CompactProductView(
        p.id(),
        p.title(),
        m.price(),
        m.currency(),
        p.url(),
        p.domain(),
        emptyToNull(p.structuredSpecs()),
        emptyToNull(p.comparisonAttributes()));
  }

  /** {@code amount} in {@code from} converted to {@code to}, or unchanged when not possible. */
  public BigDecimal convert(BigDecimal amount, String from, String to) {
    if (amount == null || to == null || from == null) {
      return amount;
    }
    return fx.convert(amount, from, to).orElse(amount);
  }

  private record Money(BigDecimal price, BigDecimal originalPrice, String currency) {}

  private Money money(Product p, String currency) {
    if (currency == null
        || p.currency() == null
        || currency.equalsIgnoreCase(p.currency())
        || !fx.supports(currency)
        || !fx.supports(p.currency())) {
      return new Money(p.price(), p.originalPrice(), p.currency());
    }
    return new Money(
        fx.convert(p.price(), p.currency(), currency).orElse(null),
        fx.convert(p.originalPrice(), p.currency(), currency).orElse(null),
        currency);
  }

  private static Map<String, Object> emptyToNull(Map<String, Object> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}
