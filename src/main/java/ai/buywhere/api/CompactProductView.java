package ai.buywhere.api;

import java.math.BigDecimal;
import java.util.Map;

/** The agent-optimised shape returned with {@code compact=true}. */
public record CompactProductView(
    String id,
    String title,
    BigDecimal price,
    String currency,
    String url,
    String domain,
    Map<String, Object> structuredSpecs,
    Map<String, Object> comparisonAttributes) {}
