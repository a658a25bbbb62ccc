package ai.buywhere.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** One recorded price of a product. */
public record PricePoint(BigDecimal price, String currency, Instant recordedAt) {}
