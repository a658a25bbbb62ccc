package ai.buywhere.ingest.normalize;

import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.ingest.Source;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * {@link RawProduct} → {@link ProductInput} for one source. The currency is the one the row or its
 * price text names, else the source's configured currency (never a blanket USD); country and region
 * always come from the source. Rows that cannot be normalised still produce an input (with null
 * price/currency) so that the validator can say why they fail.
 */
public final class ProductNormalizer {
  private static final Pattern BLOCK_TAG =
      Pattern.compile(
          "</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private final Source source;

  public ProductNormalizer(Source source) {
    this.source = source;
  }

  public ProductInput normalize(RawProduct raw) {
    Prices.Parsed price = Prices.parse(raw.price()).orElse(null);
    String currency = Currencies.normalize(raw.currency()).orElse(null);
    if (currency == null && price != null) {
      currency = price.currency();
    }
    if (currency == null) {
      currency = source.currency();
    }
    BigDecimal original = Prices.amount(raw.originalPrice()).orElse(null);
    BigDecimal amount = price == null ? null : price.amount();
    if (original != null && amount != null && original.compareTo(amount) <= 0) {
      original = null;
    }
    Map<String, Object> specs =
        SpecExtractor.extract(raw.attributes(), raw.brand(), raw.model(), raw.title());
    return ProductInput.builder(trim(raw.sku()), source.id())
        .merchantId(source.merchant())
        .domain(domainOf(raw.url(), source.url()))
        .title(clean(raw.title()))
        .description(clean(raw.description()))
        .brand(trim(raw.brand()))
        .url(trim(raw.url()))
        .imageUrl(trim(raw.imageUrl()))
        .price(amount)
        .originalPrice(original)
        .currency(currency)
        .countryCode(source.countryCode())
        .region(source.region())
        .rating(Prices.amount(raw.rating()).orElse(null))
        .reviewCount(integer(raw.reviewCount()))
        .categoryPath(categoryPath(raw.categoryPath()))
        .structuredSpecs(specs)
        .availability(Availability.parse(raw.availability()).orElse(Availability.IN_STOCK))
        .gtin(trim(raw.gtin()))
        .model(trim(raw.model()))
        .build();
  }

  /** Splits {@code "A > B > C"}/{@code "A/B"} segments and drops blanks. */
  static List<String> categoryPath(List<String> raw) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw) {
      if (part == null) {
        continue;
      }
      for (String seg : part.split("\\s*(?:>|›|»|\\|)\\s*")) {
        String s = seg.trim();
        if (!s.isEmpty() && out.size() < 6) {
          out.add(s);
        }
      }
    }
    return out;
  }

  static String domainOf(String url, String fallback) {
    for (String u : new String[] {url, fallback}) {
      try {
        if (u != null) {
          String host = URI.create(u.trim()).getHost();
          if (host != null) {
            return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
          }
        }
      } catch (IllegalArgumentException e) {
        // try the next candidate
      }
    }
    return null;
  }

  private static Integer integer(String s) {
    if (s == null || !s.trim().matches("\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(s.trim());
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Collapses whitespace, strips HTML tags and decodes entities some feeds leave in titles and
   * descriptions (a regex, not a DOM parse: this runs for every row).
   */
  static String clean(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s;
    if (s.indexOf('<') >= 0) {
      t =
          Parser.unescapeEntities(
              TAG.matcher(BLOCK_TAG.matcher(s).replaceAll(" ")).replaceAll(""), false);
    } else if (s.indexOf('&') >= 0) {
      t = Parser.unescapeEntities(s, false);
    }
    t = t.replaceAll("\\s+", " ").trim();
    return t.isEmpty() ? null : t;
  }
}
