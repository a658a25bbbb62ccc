package ai.buywhere.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$1,299.99|1299.99|",
        "1.299,99 €|1299.99|EUR",
        "1 299,99 EUR|1299.99|EUR",
        "S$ 12.50|12.50|SGD",
        "12.50 USD|12.50|USD",
        "1,234,567|1234567|",
        "₫1.590.000|1590000|VND",
        "RM 49|49|MYR",
        "0.125|0.125|",
        "£9.99|9.99|GBP",
        "15,5|15.5|"
      })
  void parsesLocaleFormats(String text, String amount, String currency) {
    Prices.Parsed p = Prices.parse(text).orElseThrow();
    assertThat(p.amount()).isEqualByComparingTo(amount);
    assertThat(p.currency()).isEqualTo(currency);
  }

  @ParameterizedTest
  @CsvSource({"1590000,0,1590000", "9999,2,99.99", "1234,3,1.234", "5,2,0.05"})
  void minorUnitsUseTheGivenExponentIncludingZero(String minor, int exp, String expected) {
    assertThat(Prices.fromMinor(minor, exp).orElseThrow()).isEqualByComparingTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"VND,0", "JPY,0", "USD,2", "KWD,3", "QQQ_BAD,2"})
  void exponents(String currency, int expected) {
    assertThat(Prices.exponentOf(currency)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"abc", "''", "-", "free"})
  void junkIsEmpty(String text) {
    assertThat(Prices.parse(text)).isEmpty();
  }
}
