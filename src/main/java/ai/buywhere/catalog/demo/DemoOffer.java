package ai.buywhere.catalog.demo;

import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.Categories;
import ai.buywhere.catalog.ProductInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One model sold by one merchant, with its weekly price path: {@code prices[w]} is the price {@code
 * w} weeks ago ({@code prices[0]} is today's). Everything derives from a {@link Random} seeded by
 * the SKU, so the catalog is the same on every machine and every load.
 */
record DemoOffer(
    DemoMerchant merchant,
    DemoModel model,
    String sku,
    String title,
    String url,
    BigDecimal rating,
    Integer reviewCount,
    Availability availability,
    BigDecimal originalPrice,
    BigDecimal[] prices) {

  /** SGD per USD used to price SG offers; fixed so the demo does not move with FX settings. */
  private static final double SGD_PER_USD = 1.35;

  static List<DemoOffer> generate(List<DemoModel> models, long seed, int weeks) {
    List<DemoOffer> out = new ArrayList<>();
    for (DemoModel m : models) {
      String slug = Categories.slugify(m.brand() + " " + m.model());
      boolean everywhere = m.model().equals("WH-1000XM5");
      for (String market : m.marketList()) {
        List<DemoMerchant> merchants = DemoMerchant.inMarket(market);
        Random pick = new Random(seed ^ (slug + market).hashCode());
        int skip = everywhere || pick.nextDouble() < 0.45 ? -1 : pick.nextInt(merchants.size());
        for (int i = 0; i < merchants.size(); i++) {
          if (i != skip) {
            out.add(offer(merchants.get(i), m, slug, seed, weeks));
          }
        }
      }
    }
    return out;
  }

  private static DemoOffer offer(
      DemoMerchant merchant, DemoModel m, String slug, long seed, int weeks) {
    String sku = merchant.merchantId + ":" + slug;
    Random rnd = new Random(seed ^ sku.hashCode());
    double local = m.usd() * (merchant.currency.equals("SGD") ? SGD_PER_USD : 1.0);
    double today = local * merchant.priceFactor * (0.96 + rnd.nextDouble() * 0.08);
    BigDecimal[] prices = new BigDecimal[weeks + 1];
    double p = today;
    prices[0] = round(p, merchant);
    double max = p;
    for (int w = 1; w <= weeks; w++) {
      if (rnd.nextDouble() < 0.3) {
        // going back in time: earlier prices were more often higher, so recent weeks show deals
        p = p * (1 + (rnd.nextDouble() * 0.16 - 0.06));
      }
      prices[w] = round(p, merchant);
      max = Math.max(max, p);
    }
    BigDecimal original =
        rnd.nextDouble() < 0.4 ? round(max * (1.08 + rnd.nextDouble() * 0.27), merchant) : null;
    double a = rnd.nextDouble();
    Availability availability =
        a < 0.8
            ? Availability.IN_STOCK
            : a < 0.88
                ? Availability.LIMITED
                : a < 0.95 ? Availability.OUT_OF_STOCK : Availability.PREORDER;
    boolean rated = rnd.nextDouble() < 0.93;
    BigDecimal rating = rated ? BigDecimal.valueOf(35 + rnd.nextInt(15)).movePointLeft(1) : null;
    Integer reviews = rated ? 3 + (int) (Math.pow(rnd.nextDouble(), 2) * 4000) : null;
    String title = merchant == DemoMerchant.SHOPEE_SG ? m.title() + " - Local Warranty" : m.title();
    return new DemoOffer(
        merchant,
        m,
        sku,
        title,
        merchant.productUrl(slug, rnd),
        rating,
        reviews,
        availability,
        original,
        prices);
  }

  /** SG prices end in .00 or .90, US prices in .99: how these merchants price. */
  private static BigDecimal round(double value, DemoMerchant merchant) {
    long whole = Math.max(1, Math.round(value));
    BigDecimal base = BigDecimal.valueOf(whole);
    if (merchant.currency.equals("USD")) {
      return base.subtract(new BigDecimal("0.01"));
    }
    return whole % 3 == 0 ? base.subtract(new BigDecimal("0.10")) : base.setScale(2);
  }

  ProductInput input(int weeksAgo) {
    Map<String, Object> specs = new LinkedHashMap<>();
    specs.put("brand", model.brand());
    specs.put("model", model.model());
    specs.putAll(model.specs());
    return ProductInput.builder(sku, DemoCatalog.SOURCE)
        .merchantId(merchant.merchantId)
        .domain(merchant.domain)
        .title(title)
        .description(
            model.title() + ", sold by " + merchant.displayName + " (BuyWhere demo catalog).")
        .brand(model.brand())
        .url(url)
        .imageUrl("https://demo.buywhere.ai/images/" + sku.substring(sku.indexOf(':') + 1) + ".jpg")
        .price(prices[weeksAgo].setScale(2, RoundingMode.HALF_UP))
        .originalPrice(originalPrice)
        .currency(merchant.currency)
        .countryCode(merchant.country)
        .rating(rating)
        .reviewCount(reviewCount)
        .categoryPath(model.categoryPath())
        .structuredSpecs(specs)
        .comparisonAttributes(model.compare())
        .availability(availability)
        .model(model.model())
        .build();
  }
}
