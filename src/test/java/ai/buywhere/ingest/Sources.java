package ai.buywhere.ingest;

import ai.buywhere.catalog.Markets;
import java.util.Map;

/** Test sources. */
public final class Sources {
  private Sources() {}

  public static Source of(String id, SourceKind kind, String url, String cc, String currency) {
    return of(id, kind, url, cc, currency, Map.of());
  }

  public static Source of(
      String id,
      SourceKind kind,
      String url,
      String cc,
      String currency,
      Map<String, Object> options) {
    return new Source(
        id,
        kind,
        url,
        cc,
        Markets.regionOf(cc),
        currency,
        60,
        options,
        Source.ACTIVE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0L);
  }
}
