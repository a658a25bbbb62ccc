package ai.buywhere.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductValidatorTest {
  private final ProductValidator validator = new ProductValidator(FxRates.defaults());

  private static ProductInput.Builder valid() {
    return ProductInput.builder("sku-1", "feed")
        .title("Sony WH-1000XM5")
        .price("549")
        .currency("SGD")
        .countryCode("SG")
        .url("https://www.lazada.sg/p/1");
  }

  private List<String> codes(ProductInput in) {
    return validator.validate(in).stream().map(RejectReason::code).toList();
  }

  @Test
  void acceptsAValidRowAndARowWithoutPrice() {
    assertThat(validator.validate(valid().build())).isEmpty();
    assertThat(validator.validate(valid().price((BigDecimal) null).build())).isEmpty();
  }

  @Test
  void reportsEveryProblemWithAStableCode() {
    ProductInput bad =
        ProductInput.builder(" ", null)
            .title("x".repeat(1001))
            .price("0")
            .originalPrice(new BigDecimal("-3"))
            .currency("XYZ")
            .countryCode("ZZ")
            .region("mars")
            .url("javascript:alert(1)")
            .imageUrl("not a url")
            .rating(new BigDecimal("5.1"))
            .reviewCount(-1)
            .gtin("12ab")
            .categoryPath(List.of("Electronics", " "))
            .build();
    assertThat(codes(bad))
        .containsExactlyInAnyOrder(
            "missing_sku",
            "missing_source",
            "title_too_long",
            "invalid_price",
            "invalid_original_price",
            "invalid_currency",
            "invalid_country_code",
            "invalid_region",
            "invalid_url",
            "invalid_image_url",
            "invalid_rating",
            "invalid_review_count",
            "invalid_gtin",
            "invalid_category_path");
  }

  @Test
  void pricesFromTenBillionUpAreRefused() {
    assertThat(codes(valid().price("9999999999.9999").build())).isEmpty();
    assertThat(codes(valid().price("10000000000").originalPrice(new BigDecimal("1E+12")).build()))
        .containsExactly("invalid_price", "invalid_original_price");
    assertThat(validator.validate(valid().price("1E+10").build()))
        .singleElement()
        .extracting(RejectReason::message)
        .asString()
        .contains("less than 10000000000");
  }

  @Test
  void textTheStoresCannotKeepIsRefused() {
    assertThat(codes(valid().title("Caf\u00e9 \ud83d\ude00 emoji").build())).isEmpty();
    assertThat(
            codes(
                valid()
                    .title("nul\u0000")
                    .brand("half \ud83d")
                    .description("\ude00 low first")
                    .categoryPath(List.of("ok", "bad\u0000"))
                    .structuredSpecs(Map.of("k", List.of("x\ud800")))
                    .comparisonAttributes(Map.of("k\u0000", "v"))
                    .build()))
        .containsExactlyInAnyOrder(
            "invalid_title",
            "invalid_brand",
            "invalid_description",
            "invalid_category_path",
            "invalid_structured_specs",
            "invalid_comparison_attributes");
  }

  @Test
  void knownIsoCurrencyWithoutRateIsUnsupported() {
    assertThat(codes(valid().currency("CHF").build())).containsExactly("unsupported_currency");
    assertThat(codes(valid().currency(null).countryCode(null).build()))
        .containsExactly("missing_currency", "missing_country_code");
    assertThat(validator.validate(valid().currency("CHF").build()).get(0).message())
        .contains("SGD", "USD");
  }
}
