package ai.buywhere.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every REST v1 endpoint: happy paths, shapes, market and currency, and every bad parameter. */
abstract class CatalogEndpointsTests extends CatalogEndpointsContract {

  @Test
  void searchDefaultsToTheSingaporeMarketAndSaysSo() throws Exception {
    JsonNode body = ok("/v1/products/search?q=headphones");
    JsonNode meta = body.get("meta");
    assertThat(meta.get("total").asLong()).isEqualTo(3);
    assertThat(meta.get("limit").asInt()).isEqualTo(20);
    assertThat(meta.get("offset").asInt()).isZero();
    assertThat(meta.get("cached").isBoolean()).isTrue();
    assertThat(meta.has("response_time_ms")).isTrue();
    assertThat(meta.get("market").asText()).isEqualTo("SG");
    assertThat(meta.get("currency").asText()).isEqualTo("SGD");
    assertThat(texts(body.get("data"), "country_code")).containsOnly("SG");
    assertThat(texts(body.get("data"), "currency")).containsOnly("SGD");
  }

  @Test
  void aRepeatedSearchComesFromTheResultCacheAndTheMetricsCountIt() throws Exception {
    // parameters no other test uses, so the first request is this test's own
    String path = "/v1/products/search?q=headphones&country_code=US&limit=7&sort=price_desc";
    JsonNode first = ok(path);
    JsonNode second = ok(path);
    assertThat(first.at("/meta/cached").asBoolean()).isFalse();
    assertThat(second.at("/meta/cached").asBoolean()).isTrue();
    assertThat(second.get("data")).isEqualTo(first.get("data"));
    assertThat(second.at("/meta/total")).isEqualTo(first.at("/meta/total"));
    // a different currency converts the cached products afresh
    JsonNode sgd = ok(path + "&currency=SGD");
    assertThat(sgd.at("/meta/cached").asBoolean()).isTrue();
    assertThat(texts(sgd.get("data"), "currency")).containsOnly("SGD");
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("cache_requests_total{cache=\"search\"}");
    assertThat(metricValue(metrics, "cache_hits_total{cache=\"search\"}"))
        .isGreaterThanOrEqualTo(2);
  }

  private static double metricValue(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }

  @ParameterizedTest
  @MethodSource("oddQueries")
  void oddQueryTextIsSearchedNotFailed(String q) throws Exception {
    assertThat(ok("/v1/products/search?q=" + enc(q)).at("/meta/total").asLong()).isNotNegative();
    HttpResponse<String> best = get("/v1/products/best-price?q=" + enc(q));
    assertThat(best.statusCode()).isIn(200, 404);
  }

  static Stream<String> oddQueries() {
    return Stream.of(
        "\"unbalanced",
        "(sony",
        "sony AND OR",
        "*",
        "?",
        "\\",
        "wh-1000xm5~2",
        "a:b",
        "[1 TO",
        "/regex/",
        "ñandú 日本 🎧",
        "-",
        "!!!",
        "%00");
  }

  @Test
  void fullProductShapeHasContractFieldsAndNoInternals() throws Exception {
    JsonNode body = ok("/v1/products/search?q=WH-1000XM5&domain=lazada");
    assertThat(body.get("data")).hasSize(1);
    JsonNode p = body.get("data").get(0);
    assertThat(p.get("id").asText()).isEqualTo(id("sony-lz"));
    for (String f :
        List.of(
            "title",
            "description",
            "brand",
            "domain",
            "url",
            "image_url",
            "price",
            "original_price",
            "discount_pct",
            "currency",
            "country_code",
            "rating",
            "review_count",
            "category_path",
            "structured_specs",
            "comparison_attributes",
            "normalized_price_usd",
            "availability",
            "updated_at",
            "sku",
            "source",
            "merchant_id")) {
      assertThat(p.has(f)).as(f).isTrue();
    }
    assertThat(p.get("price").decimalValue()).isEqualByComparingTo("549");
    assertThat(p.get("discount_pct").decimalValue()).isEqualByComparingTo("15.4");
    assertThat(p.get("structured_specs").get("model").asText()).isEqualTo("WH-1000XM5");
    assertThat(fieldNames(p))
        .doesNotContain("content_hash", "change_seq", "active", "is_active", "first_seen")
        .allMatch(f -> f.equals(f.toLowerCase()));
  }

  @Test
  void compactShapeIsTheAgentSubset() throws Exception {
    JsonNode p = ok("/v1/products/search?q=dyson&compact=true").get("data").get(0);
    assertThat(fieldNames(p))
        .containsExactlyInAnyOrder("id", "title", "price", "currency", "url", "domain");
    JsonNode sony = ok("/v1/products/search?q=WH-1000XM5&domain=lazada&compact=true");
    assertThat(fieldNames(sony.get("data").get(0)))
        .containsExactlyInAnyOrder(
            "id",
            "title",
            "price",
            "currency",
            "url",
            "domain",
            "structured_specs",
            "comparison_attributes");
  }

  @Test
  void countryCodeSwitchesMarketAndCurrency() throws Exception {
    JsonNode us = ok("/v1/products/search?q=headphones&country_code=US");
    assertThat(us.at("/meta/market").asText()).isEqualTo("US");
    assertThat(us.at("/meta/currency").asText()).isEqualTo("USD");
    assertThat(texts(us.get("data"), "sku")).containsExactlyInAnyOrder("sony-amz", "anker-wm");
  }

  @Test
  void currencyConvertsDisplayedPricesAndPriceBounds() throws Exception {
    JsonNode usd = ok("/v1/products/search?q=WH-1000XM5&domain=lazada&currency=USD");
    JsonNode p = usd.get("data").get(0);
    assertThat(p.get("currency").asText()).isEqualTo("USD");
    // 549 SGD × 0.7436 USD/SGD
    assertThat(p.get("price").decimalValue()).isEqualByComparingTo("408.24");
    assertThat(usd.at("/meta/currency").asText()).isEqualTo("USD");

    // bounds are in the active currency: 500–560 SGD holds the Sony offers (529, 549) only
    JsonNode sgd = ok("/v1/products/search?min_price=500&max_price=560");
    assertThat(texts(sgd.get("data"), "sku")).containsExactlyInAnyOrder("sony-lz", "sony-sh");
    // the same bounds in USD (≈ 372–416 USD) hold the same two
    JsonNode inUsd = ok("/v1/products/search?min_price=380&max_price=410&currency=USD");
    assertThat(texts(inUsd.get("data"), "sku")).containsExactlyInAnyOrder("sony-lz", "sony-sh");
  }

  @Test
  void filtersSortPagingAndFacets() throws Exception {
    assertThat(texts(ok("/v1/products/search?brand=Sony").get("data"), "sku"))
        .containsExactlyInAnyOrder("sony-lz", "sony-sh");
    assertThat(texts(ok("/v1/products/search?category=home").get("data"), "sku"))
        .containsExactlyInAnyOrder("dyson-lz", "kettle-fp");
    assertThat(texts(ok("/v1/products/search?availability=limited").get("data"), "sku"))
        .containsExactly("kettle-fp");
    assertThat(texts(ok("/v1/products/search?merchant_id=fairprice-sg").get("data"), "sku"))
        .containsExactly("kettle-fp");
    assertThat(texts(ok("/v1/products/search?region=us&country_code=US").get("data"), "sku"))
        .containsExactlyInAnyOrder("sony-amz", "anker-wm");

    JsonNode asc = ok("/v1/products/search?category=electronics&sort=price_asc");
    List<BigDecimal> prices = new ArrayList<>();
    asc.get("data").forEach(n -> prices.add(n.get("price").decimalValue()));
    assertThat(prices).isSortedAccordingTo(BigDecimal::compareTo).hasSize(4);

    JsonNode page = ok("/v1/products/search?category=electronics&sort=price_asc&limit=2&offset=1");
    assertThat(page.at("/meta/total").asLong()).isEqualTo(4);
    assertThat(page.get("data")).hasSize(2);
    assertThat(page.get("data").get(0).get("price").decimalValue()).isEqualByComparingTo("529");

    JsonNode facets = ok("/v1/products/search?include_facets=true").at("/meta/facets");
    assertThat(facets.at("/brand/Sony").asLong()).isEqualTo(2);
    assertThat(facets.at("/category/electronics").asLong()).isEqualTo(4);
    assertThat(ok("/v1/products/search").get("meta").has("facets")).isFalse();
  }

  @Test
  void dealsAreSortedByDiscountAndFilteredByMinimum() throws Exception {
    JsonNode deals = ok("/v1/products/deals");
    assertThat(texts(deals.get("data"), "sku"))
        .containsExactly("dyson-lz", "switch-sh", "sony-lz", "bose-sh");
    assertThat(deals.at("/meta/total").asLong()).isEqualTo(4);
    assertThat(texts(ok("/v1/products/deals?min_discount=20").get("data"), "sku"))
        .containsExactly("dyson-lz", "switch-sh");
    assertThat(texts(ok("/v1/products/deals?country_code=US").get("data"), "sku"))
        .containsExactly("sony-amz");
    assertThat(texts(ok("/v1/products/deals?category=home").get("data"), "sku"))
        .containsExactly("dyson-lz");
    JsonNode d = ok("/v1/products/deals?limit=1").get("data").get(0);
    assertThat(d.get("original_price").decimalValue()).isEqualByComparingTo("899");
    assertThat(d.get("discount_pct").decimalValue()).isEqualByComparingTo("33.4");
  }

  @Test
  void compareReturnsProductsInOrderWithCount() throws Exception {
    JsonNode body = ok("/v1/products/compare?ids=" + id("bose-sh") + "," + id("sony-lz"));
    assertThat(texts(body.get("data"), "sku")).containsExactly("bose-sh", "sony-lz");
    assertThat(body.at("/meta/count").asInt()).isEqualTo(2);
    String unknown = "00000000-0000-4000-8000-000000000000";
    JsonNode partial = ok("/v1/products/compare?ids=" + id("bose-sh") + "," + unknown);
    assertThat(partial.at("/meta/count").asInt()).isEqualTo(1);
    assertThat(partial.at("/meta/not_found/0").asText()).isEqualTo(unknown);
  }

  @Test
  void productByIdAndItsErrors() throws Exception {
    JsonNode p = ok("/v1/products/" + id("sony-amz"));
    assertThat(p.get("title").asText()).startsWith("Sony WH-1000XM5");
    assertThat(p.get("currency").asText()).isEqualTo("USD");
    assertThat(ok("/v1/products/" + id("sony-amz") + "?currency=SGD").get("currency").asText())
        .isEqualTo("SGD");
    assertThat(error("/v1/products/not-a-uuid", 400).get("message").asText()).contains("'id'");
    assertThat(error("/v1/products/00000000-0000-4000-8000-000000000000", 404).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void pricesGivePointsAndStats() throws Exception {
    JsonNode h = ok("/v1/products/" + id("sony-lz") + "/prices");
    assertThat(h.get("days").asInt()).isEqualTo(30);
    assertThat(h.get("currency").asText()).isEqualTo("SGD");
    assertThat(texts(h.get("points"), "date"))
        .containsExactly("2026-05-05", "2026-05-15", "2026-05-20");
    assertThat(h.at("/stats/min").decimalValue()).isEqualByComparingTo("549");
    assertThat(h.at("/stats/max").decimalValue()).isEqualByComparingTo("649");
    assertThat(h.at("/stats/avg").decimalValue()).isEqualByComparingTo("599");
    assertThat(h.at("/stats/current").decimalValue()).isEqualByComparingTo("549");

    JsonNode shortWindow = ok("/v1/products/" + id("sony-lz") + "/prices?days=10");
    assertThat(texts(shortWindow.get("points"), "date"))
        .containsExactly("2026-05-10", "2026-05-15", "2026-05-20");
    assertThat(shortWindow.at("/points/0/price").decimalValue()).isEqualByComparingTo("649");
  }

  @Test
  void priceHistoryGivesDailyAggregates() throws Exception {
    JsonNode h = ok("/v1/products/" + id("sony-lz") + "/price-history?days=7");
    JsonNode daily = h.get("daily");
    assertThat(texts(daily, "date")).hasSize(7).startsWith("2026-05-14").endsWith("2026-05-20");
    JsonNode may15 = daily.get(1);
    assertThat(may15.get("min").decimalValue()).isEqualByComparingTo("599");
    assertThat(may15.get("max").decimalValue()).isEqualByComparingTo("649");
    assertThat(may15.get("avg").decimalValue()).isEqualByComparingTo("624");
    assertThat(may15.get("close").decimalValue()).isEqualByComparingTo("599");
    assertThat(daily.get(6).get("close").decimalValue()).isEqualByComparingTo("549");
    assertThat(ok("/v1/products/" + id("sony-lz") + "/price-history?days=365").get("daily"))
        .hasSize(16);
  }

  @Test
  void similarPutsTheSameProductElsewhereFirst() throws Exception {
    JsonNode s = ok("/v1/products/" + id("sony-lz") + "/similar?limit=5");
    List<String> skus = texts(s.get("data"), "sku");
    assertThat(skus).doesNotContain("sony-lz").contains("sony-sh", "sony-amz");
    assertThat(skus.subList(0, 2)).containsExactlyInAnyOrder("sony-sh", "sony-amz");
    assertThat(s.at("/meta/limit").asInt()).isEqualTo(5);
  }

  @Test
  void bestPriceFindsTheCheapestOfferInTheMarket() throws Exception {
    JsonNode b = ok("/v1/products/best-price?q=" + enc("Sony WH-1000XM5"));
    assertThat(b.at("/data/best_offer/sku").asText()).isEqualTo("sony-sh");
    assertThat(texts(b.at("/data/other_offers"), "sku")).containsExactly("sony-lz");
    assertThat(b.at("/data/offer_count").asInt()).isEqualTo(2);
    assertThat(b.at("/meta/market").asText()).isEqualTo("SG");

    JsonNode usd = ok("/v1/products/best-price?q=" + enc("Sony WH-1000XM5") + "&currency=USD");
    assertThat(usd.at("/data/best_offer/currency").asText()).isEqualTo("USD");
    assertThat(error("/v1/products/best-price?q=zzzqqqxxx", 404).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void bestPriceCategoryNarrowsTheMatchToThatCategoryAndBelow() throws Exception {
    String sony = "/v1/products/best-price?q=" + enc("Sony WH-1000XM5");
    for (String category : List.of("electronics", "electronics-audio-headphones")) {
      JsonNode b = ok(sony + "&category=" + category);
      assertThat(b.at("/data/best_offer/sku").asText()).as(category).isEqualTo("sony-sh");
      assertThat(texts(b.at("/data/other_offers"), "sku")).containsExactly("sony-lz");
    }
    JsonNode upper = ok(sony + "&category=Electronics-Audio");
    assertThat(upper.at("/data/best_offer/sku").asText()).isEqualTo("sony-sh");

    JsonNode none = error(sony + "&category=home", 404);
    assertThat(none.get("code").asText()).isEqualTo("not_found");
    assertThat(none.get("message").asText()).contains("home");
    assertThat(error(sony + "&category=electronics-gaming", 404).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void categoriesCountTheMarket() throws Exception {
    JsonNode sg = ok("/v1/categories");
    assertThat(texts(sg.get("data"), "slug")).containsExactly("electronics", "home");
    assertThat(sg.at("/data/0/product_count").asLong()).isEqualTo(4);
    assertThat(sg.at("/data/0/name").asText()).isEqualTo("Electronics");
    assertThat(sg.at("/data/0").has("parent_slug")).isTrue();
    assertThat(sg.at("/data/0/parent_slug").isNull()).isTrue();

    JsonNode us = ok("/v1/categories?country_code=US");
    assertThat(texts(us.get("data"), "slug")).containsExactly("electronics");
    assertThat(us.at("/data/0/product_count").asLong()).isEqualTo(2);
  }

  @Test
  void smallCategoriesLeftOutOfTheFacetAreStillCounted() throws Exception {
    JsonNode my = ok("/v1/categories?country_code=MY");
    assertThat(texts(my.get("data"), "slug")).containsExactly("toys", "books");
    assertThat(my.at("/data/1/product_count").asLong()).isEqualTo(1);
    JsonNode toys = ok("/v1/categories/toys?country_code=MY&limit=1");
    assertThat(toys.get("subcategories")).hasSize(60);
    assertThat(toys.at("/subcategories/59/product_count").asLong()).isEqualTo(2);
  }

  @Test
  void categoryDetailHasSubcategoriesAndProducts() throws Exception {
    JsonNode c = ok("/v1/categories/electronics?limit=2");
    assertThat(c.at("/category/slug").asText()).isEqualTo("electronics");
    assertThat(c.at("/category/product_count").asLong()).isEqualTo(4);
    assertThat(texts(c.get("subcategories"), "slug"))
        .containsExactly("electronics-audio", "electronics-gaming");
    assertThat(c.at("/subcategories/0/product_count").asLong()).isEqualTo(3);
    assertThat(c.at("/subcategories/0/parent_slug").asText()).isEqualTo("electronics");
    assertThat(c.get("products")).hasSize(2);
    assertThat(c.at("/meta/total").asLong()).isEqualTo(4);
    assertThat(c.at("/meta/limit").asInt()).isEqualTo(2);
    assertThat(error("/v1/categories/no-such-thing", 404).get("code").asText())
        .isEqualTo("not_found");
  }

  @Test
  void requestIdAndCorsOnV1() throws Exception {
    HttpResponse<String> r = get("/v1/products/search?q=sony", "X-Request-Id", "trace-42");
    assertThat(r.headers().firstValue("X-Request-Id")).hasValue("trace-42");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    HttpResponse<String> bad = get("/v1/products/search?limit=0", "X-Request-Id", "trace-43");
    assertThat(ApiJson.mapper().readTree(bad.body()).at("/error/request_id").asText())
        .isEqualTo("trace-43");
  }

  @Test
  void openApiDocumentIsServed() throws Exception {
    JsonNode doc = ok("/openapi.json");
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.at("/paths").has("/v1/products/search")).isTrue();
  }

  @Test
  void hiddenMarketsDisappearEverywhere() {
    CatalogQueryService killSwitched =
        new CatalogQueryService(
            app.catalog(),
            app.search().search(),
            app.fx(),
            app.clock(),
            Optional.empty(),
            () -> Set.of("SG"));
    Responses.Page all = killSwitched.search(SearchParams.from(Params.of(Map.of("q", "sony"))));
    assertThat(all.meta().market()).isEqualTo("ALL");
    assertThat(all.meta().currency()).isNull();
    assertThat(all.data())
        .extracting(v -> ((ProductView) v).countryCode())
        .containsOnly("US")
        .isNotEmpty();
    assertThatThrownBy(
            () ->
                killSwitched.product(ProductParams.product(Params.of(Map.of("id", id("sony-lz"))))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    Responses.Compare cmp =
        killSwitched.compare(
            CompareParams.from(Params.of(Map.of("ids", List.of(id("sony-lz"), id("sony-amz"))))));
    assertThat(cmp.meta().notFound()).containsExactly(id("sony-lz"));
    Responses.Page cats =
        killSwitched.categories(CategoryParams.list(Params.of(Map.of("country_code", "SG"))));
    assertThat(cats.data()).isEmpty();
    assertThat(
            killSwitched
                .similar(ProductParams.similar(Params.of(Map.of("id", id("sony-amz")))))
                .data())
        .extracting(v -> ((ProductView) v).countryCode())
        .doesNotContain("SG");
  }

  /** Keeps /openapi.json true: every served route documented, every documented path served. */
  @Test
  void openApiDocumentCoversExactlyTheServedRoutes() {
    JsonNode paths = OpenApiRoutes.document().get("paths");
    List<String> served = new ArrayList<>();
    for (ApiServer.Route r : server.routes()) {
      served.add(r.method() + " " + r.path());
      assertThat(paths.has(r.path())).as("undocumented route " + r).isTrue();
      assertThat(paths.get(r.path()).has(r.method().toLowerCase()))
          .as("undocumented method " + r)
          .isTrue();
    }
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
        String method = m.next().toUpperCase();
        assertThat(served).as("documented but not served").contains(method + " " + path);
      }
    }
  }

  static Stream<Arguments> badParameters() {
    String sony = "11111111-1111-4111-8111-111111111111";
    return Stream.of(
        Arguments.of("/v1/products/search?q=" + "a".repeat(501), "q"),
        Arguments.of("/v1/products/search?region=mars", "region"),
        Arguments.of("/v1/products/search?country_code=XX", "country_code"),
        Arguments.of("/v1/products/search?country_code=Singapore", "country_code"),
        Arguments.of("/v1/products/search?category=Bad%20Slug!", "category"),
        Arguments.of("/v1/products/search?availability=maybe", "availability"),
        Arguments.of("/v1/products/search?min_price=cheap", "min_price"),
        Arguments.of("/v1/products/search?min_price=-1", "min_price"),
        Arguments.of("/v1/products/search?max_price=abc", "max_price"),
        Arguments.of("/v1/products/search?min_price=10&max_price=5", "min_price"),
        Arguments.of("/v1/products/search?currency=XYZ", "currency"),
        Arguments.of("/v1/products/search?currency=CHF", "currency"),
        Arguments.of("/v1/products/search?sort=cheapest", "sort"),
        Arguments.of("/v1/products/search?limit=0", "limit"),
        Arguments.of("/v1/products/search?limit=101", "limit"),
        Arguments.of("/v1/products/search?limit=ten", "limit"),
        Arguments.of("/v1/products/search?offset=-1", "offset"),
        Arguments.of("/v1/products/search?offset=10001", "offset"),
        Arguments.of("/v1/products/search?compact=yes", "compact"),
        Arguments.of("/v1/products/search?include_facets=2", "include_facets"),
        Arguments.of("/v1/products/search?domain=" + "d".repeat(201), "domain"),
        Arguments.of("/v1/products/search?brand=" + "b".repeat(201), "brand"),
        Arguments.of("/v1/products/search?merchant_id=" + "m".repeat(201), "merchant_id"),
        Arguments.of("/v1/products/deals?min_discount=91", "min_discount"),
        Arguments.of("/v1/products/deals?min_discount=-5", "min_discount"),
        Arguments.of("/v1/products/deals?min_discount=lots", "min_discount"),
        Arguments.of("/v1/products/deals?country_code=ZZ", "country_code"),
        Arguments.of("/v1/products/deals?currency=usd1", "currency"),
        Arguments.of("/v1/products/deals?category=%2F%2F", "category"),
        Arguments.of("/v1/products/deals?limit=500", "limit"),
        Arguments.of("/v1/products/deals?offset=x", "offset"),
        Arguments.of("/v1/products/compare", "ids"),
        Arguments.of("/v1/products/compare?ids=" + sony, "ids"),
        Arguments.of("/v1/products/compare?ids=" + sony + "," + sony, "ids"),
        Arguments.of("/v1/products/compare?ids=" + sony + ",nope", "ids"),
        Arguments.of("/v1/products/compare?ids=" + elevenIds(), "ids"),
        Arguments.of(
            "/v1/products/compare?ids=" + sony + "," + sony.replace('1', '2') + "&currency=QQQ",
            "currency"),
        Arguments.of("/v1/products/" + sony + "x", "id"),
        Arguments.of("/v1/products/" + sony + "?currency=nope", "currency"),
        Arguments.of("/v1/products/" + sony + "/prices?days=0", "days"),
        Arguments.of("/v1/products/" + sony + "/prices?days=91", "days"),
        Arguments.of("/v1/products/" + sony + "/prices?days=week", "days"),
        Arguments.of("/v1/products/bad-id/prices", "id"),
        Arguments.of("/v1/products/" + sony + "/price-history?days=366", "days"),
        Arguments.of("/v1/products/" + sony + "/price-history?days=0", "days"),
        Arguments.of("/v1/products/bad-id/price-history", "id"),
        Arguments.of("/v1/products/" + sony + "/similar?limit=0", "limit"),
        Arguments.of("/v1/products/" + sony + "/similar?limit=51", "limit"),
        Arguments.of("/v1/products/bad-id/similar", "id"),
        Arguments.of("/v1/products/best-price", "q"),
        Arguments.of("/v1/products/best-price?q=" + "a".repeat(501), "q"),
        Arguments.of("/v1/products/best-price?q=sony&country_code=QQ", "country_code"),
        Arguments.of("/v1/products/best-price?q=sony&currency=ABCD", "currency"),
        Arguments.of("/v1/products/best-price?q=sony&category=Bad%20Slug!", "category"),
        Arguments.of("/v1/products/best-price?q=sony&category=%2F%2F", "category"),
        Arguments.of("/v1/categories?country_code=XX", "country_code"),
        Arguments.of("/v1/categories?currency=1", "currency"),
        Arguments.of("/v1/categories/Bad_Slug", "slug"),
        Arguments.of("/v1/categories/electronics?limit=0", "limit"),
        Arguments.of("/v1/categories/electronics?offset=20000", "offset"),
        Arguments.of("/v1/categories/electronics?compact=maybe", "compact"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badParameters")
  void badParameterIs400NamingIt(String pathAndQuery, String param) throws Exception {
    JsonNode e = error(pathAndQuery, 400);
    assertThat(e.get("code").asText()).isEqualTo("invalid_params");
    assertThat(e.get("message").asText()).contains("'" + param + "'");
  }

  private static String elevenIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 10; i < 21; i++) {
      ids.add("00000000-0000-4000-8000-0000000000" + i);
    }
    return String.join(",", ids);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
