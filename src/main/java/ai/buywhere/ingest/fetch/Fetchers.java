package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.IngestException;
import ai.buywhere.ingest.SourceKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The fetcher for each {@link SourceKind}, and JSON helpers the fetchers share. */
public final class Fetchers {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fetchers() {}

  public static SourceFetcher forKind(SourceKind kind, HttpFetcher http) {
    return switch (kind) {
      case SHOPIFY -> new ShopifyFetcher(http);
      case WOOCOMMERCE -> new WooCommerceFetcher(http);
      case JSONLD_SITEMAP -> new JsonLdSitemapFetcher(http);
      case GOOGLE_MERCHANT -> new GoogleMerchantFetcher(http);
      case CSV -> new TabularFetcher(http, false);
      case JSONL -> new TabularFetcher(http, true);
      case PUSH -> throw new IngestException("push sources receive rows through the API");
    };
  }

  static JsonNode parseJson(HttpFetcher.Response r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new FetchException("malformed JSON from " + r.uri() + ": " + firstLine(e), 0, e);
    }
  }

  static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /** The text of {@code field}, or null when absent, null or blank. */
  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
