package ai.buywhere.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validated parameters of {@code GET /v1/products/compare}: 2–10 distinct product ids. */
public record CompareParams(List<String> ids, String currency) {

  public static CompareParams from(Params p) {
    String raw = p.string("ids").orElseThrow(() -> ApiException.invalid("ids", "is required"));
    Set<String> ids = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      if (!part.isBlank()) {
        ids.add(Params.uuid("ids", part.trim()));
      }
    }
    if (ids.size() < 2 || ids.size() > 10) {
      throw ApiException.invalid(
          "ids", "must list 2 to 10 distinct product ids, got " + ids.size());
    }
    return new CompareParams(new ArrayList<>(ids), ParamRules.currency(p).orElse(null));
  }
}
