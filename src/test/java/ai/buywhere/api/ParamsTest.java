package ai.buywhere.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.search.SortOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter records built from an MCP-style argument map validate exactly like query strings. */
class ParamsTest {

  @Test
  void searchFromArgumentMapAcceptsTypedValues() {
    SearchParams p =
        SearchParams.from(
            Params.of(
                Map.of(
                    "q", "wireless headphones",
                    "region", "us",
                    "max_price", 150,
                    "compact", true,
                    "limit", 5,
                    "country_code", "us",
                    "sort", "price_asc")));
    assertThat(p.q()).isEqualTo("wireless headphones");
    assertThat(p.maxPrice()).isEqualByComparingTo("150");
    assertThat(p.compact()).isTrue();
    assertThat(p.limit()).isEqualTo(5);
    assertThat(p.countryCode()).isEqualTo("US");
    assertThat(p.sort()).isEqualTo(SortOrder.PRICE_ASC);
    assertThat(p.offset()).isZero();
  }

  @Test
  void compareAcceptsAListOfIds() {
    CompareParams p =
        CompareParams.from(
            Params.of(
                Map.of(
                    "ids",
                    List.of(
                        "8A2C3A8E-1234-5678-9ABC-DEF012345678",
                        "9b3d4b9f-2345-6789-abcd-ef0123456789"))));
    assertThat(p.ids())
        .containsExactly(
            "8a2c3a8e-1234-5678-9abc-def012345678", "9b3d4b9f-2345-6789-abcd-ef0123456789");
  }

  @Test
  void badArgumentsNameTheParameter() {
    assertThatThrownBy(() -> SearchParams.from(Params.of(Map.of("limit", 0))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("'limit'");
            });
    assertThatThrownBy(() -> DealsParams.from(Params.of(Map.of("min_discount", 95))))
        .hasMessageContaining("'min_discount'");
    assertThatThrownBy(() -> ProductParams.product(Params.of(Map.of("id", "x"))))
        .hasMessageContaining("'id'");
    assertThatThrownBy(() -> BestPriceParams.from(Params.of(Map.of()))).hasMessageContaining("'q'");
  }
}
