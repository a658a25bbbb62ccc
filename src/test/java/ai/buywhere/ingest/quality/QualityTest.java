package ai.buywhere.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.ProductInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityTest {
  private static ProductInput row(String price) {
    return ProductInput.builder("s" + price, "x_us")
        .title("T")
        .price(price)
        .currency("USD")
        .url("https://x.test/p")
        .countryCode("US")
        .build();
  }

  @Test
  void rowReasons() {
    assertThat(RowValidator.validate(row("10"))).isEmpty();
    ProductInput bad =
        ProductInput.builder("", "x_us")
            .title(" ")
            .price("0")
            .currency("usd")
            .url("javascript:x")
            .countryCode("US")
            .build();
    assertThat(RowValidator.validate(bad))
        .containsExactly(
            "missing_sku",
            "missing_title",
            "price_not_positive",
            "invalid_currency",
            "invalid_url");
  }

  @Test
  void gateRejectsMostlyPlaceholderPricesButNotSmallBatches() {
    List<ProductInput> batch = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      batch.add(row(i % 2 == 0 ? "0" : "9999"));
    }
    for (int i = 0; i < 4; i++) {
      batch.add(row("19.9" + i));
    }
    assertThat(BatchGate.check(batch, 3))
        .hasValueSatisfying(r -> assertThat(r).contains("6 of 10"));
    assertThat(BatchGate.check(batch.subList(0, 9), 9)).isEmpty();
    List<ProductInput> fine = new ArrayList<>(batch.subList(6, 10));
    for (int i = 0; i < 6; i++) {
      fine.add(row("5" + i));
    }
    assertThat(BatchGate.check(fine, 0)).isEmpty();
    assertThat(BatchGate.check(fine, 9)).hasValueSatisfying(r -> assertThat(r).contains("invalid"));
  }

  @Test
  void scoreFormula() {
    assertThat(new QualityScore(1, 1, 0).score()).isEqualTo(1.0);
    assertThat(new QualityScore(0.5, 0.2, 0.6).score()).isEqualTo(0.38);
    assertThat(QualityScore.share(1, 3)).isEqualTo(0.3333);
    assertThat(QualityScore.share(1, 0)).isZero();
  }
}
