package ai.buywhere.catalog.demo;

import java.util.List;
import java.util.Random;

/**
 * The six demo merchants, three per market. {@code priceFactor} makes the same model cost a little
 * more or less at each merchant, so comparisons and best-price answers have a winner.
 */
enum DemoMerchant {
  LAZADA_SG("lazada_sg", "lazada", "Lazada", "SG", "SGD", 0.97),
  SHOPEE_SG("shopee_sg", "shopee", "Shopee", "SG", "SGD", 0.95),
  COURTS_SG("courts_sg", "courts", "Courts", "SG", "SGD", 1.02),
  AMAZON_US("amazon_us", "amazon", "Amazon", "US", "USD", 0.96),
  WALMART_US("walmart_us", "walmart", "Walmart", "US", "USD", 0.98),
  BESTBUY_US("bestbuy_us", "bestbuy", "Best Buy", "US", "USD", 1.0);

  final String merchantId;
  final String domain;
  final String displayName;
  final String country;
  final String currency;
  final double priceFactor;

  DemoMerchant(
      String merchantId,
      String domain,
      String displayName,
      String country,
      String currency,
      double priceFactor) {
    this.merchantId = merchantId;
    this.domain = domain;
    this.displayName = displayName;
    this.country = country;
    this.currency = currency;
    this.priceFactor = priceFactor;
  }

  static List<DemoMerchant> inMarket(String country) {
    return java.util.Arrays.stream(values()).filter(m -> m.country.equals(country)).toList();
  }

  /** A plausible product-page URL in this merchant's style; {@code slug} is the model slug. */
  String productUrl(String slug, Random rnd) {
    long n = 100_000_000L + (rnd.nextLong() & 0x7fffffffL) % 900_000_000L;
    return switch (this) {
      case LAZADA_SG -> "https://www.lazada.sg/products/" + slug + "-i" + n + ".html";
      case SHOPEE_SG -> "https://shopee.sg/" + slug + "-i." + (n % 10_000_000) + "." + n;
      case COURTS_SG -> "https://www.courts.com.sg/" + slug;
      case AMAZON_US -> "https://www.amazon.com/dp/B0" + Long.toString(n, 36).toUpperCase();
      case WALMART_US -> "https://www.walmart.com/ip/" + slug + "/" + n;
      case BESTBUY_US -> "https://www.bestbuy.com/site/" + slug + "/" + (n % 10_000_000) + ".p";
    };
  }
}
