package ai.buywhere.ingest;

/** Generated Shopify-format pages for run, fleet and benchmark tests. */
public final class ShopifyFeeds {
  private ShopifyFeeds() {}

  /** Page {@code page} (1-based) of a store with {@code total} products, 250 a page. */
  public static String page(int page, int total, String price) {
    StringBuilder sb = new StringBuilder(64 * 1024).append("{\"products\":[");
    int from = (page - 1) * 250;
    int to = Math.min(total, from + 250);
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(',');
      }
      sb.append("{\"id\":")
          .append(1000 + i)
          .append(",\"title\":\"Product ")
          .append(i)
          .append(" Wireless Headphones 64GB Black\",\"handle\":\"p-")
          .append(i)
          .append("\",\"vendor\":\"Brand")
          .append(i % 17)
          .append("\",\"product_type\":\"Audio\",\"body_html\":\"<p>Item ")
          .append(i)
          .append("</p>\",\"variants\":[{\"id\":")
          .append(i)
          .append(",\"sku\":\"SKU-")
          .append(i)
          .append("\",\"price\":\"")
          .append(price == null ? (10 + i % 90) + ".99" : price)
          .append("\",\"compare_at_price\":null,\"available\":true}],")
          .append("\"images\":[{\"src\":\"https://cdn.example.com/")
          .append(i)
          .append(".jpg\"}],\"options\":[]}");
    }
    return sb.append("]}").toString();
  }

  /** Serves a {@code total}-product store at {@code /products.json}. */
  public static void serve(FixtureServer server, int total, String price) {
    int pages = (total + 249) / 250;
    for (int p = 1; p <= pages + 1; p++) {
      String body = page(p, total, price);
      server.text("/products.json?limit=250&page=" + p, "application/json", body);
    }
  }
}
