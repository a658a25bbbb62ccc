package ai.buywhere.search;

import static ai.buywhere.search.ProductFields.*;

import ai.buywhere.catalog.Categories;
import ai.buywhere.catalog.Product;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Maps a catalog product to its Lucene document and back. The product (as Smile) is kept in a
 * binary doc-values field ({@link ProductFields#SOURCE}), which Lucene stores uncompressed and
 * reads by random access: a page of hits costs a few memory-mapped reads instead of decompressing a
 * block of stored fields per hit. Stateless.
 */
final class ProductDocuments {
  /**
   * The product as Smile (binary JSON) with instants as epoch milliseconds: about twice as fast to
   * read back as JSON text with ISO-8601 dates, and smaller.
   */
  private static final ObjectMapper SOURCE_MAPPER =
      JsonMapper.builder(new SmileFactory())
          .addModule(new JavaTimeModule())
          .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final ObjectWriter WRITER = SOURCE_MAPPER.writerFor(Product.class);
  private static final ObjectReader READER = SOURCE_MAPPER.readerFor(Product.class);
  private static final Pattern NOT_LOWER_ALNUM = Pattern.compile("[^a-z0-9]");
  private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

  /**
   * Analysed text without positions, for every text field but the title: only the title is queried
   * as a phrase, and BM25 needs term frequencies only.
   */
  private static final FieldType WORDS = wordsType();

  private ProductDocuments() {}

  private static FieldType wordsType() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.freeze();
    return t;
  }

  static Document toDocument(Product p) {
    Document d = new Document();
    d.add(new StringField(ID, p.id(), Field.Store.NO));
    d.add(new BinaryDocValuesField(SOURCE, new BytesRef(json(p))));

    d.add(new TextField(TITLE, nz(p.title()), Field.Store.NO));
    if (notBlank(p.brand())) {
      d.add(new Field(BRAND_TEXT, p.brand(), WORDS));
      d.add(new StringField(BRAND, brandKey(p.brand()), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(FACET_BRAND, p.brand().trim()));
    }
    if (notBlank(p.description())) {
      d.add(new Field(DESCRIPTION, p.description(), WORDS));
    }
    List<String> path = p.categoryPath() == null ? List.of() : p.categoryPath();
    if (!path.isEmpty()) {
      d.add(new Field(CATEGORY_TEXT, String.join(" ", path), WORDS));
    }
    for (String slug : Categories.ancestorSlugs(path)) {
      d.add(new StringField(CATEGORY, slug, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(FACET_CATEGORY, slug));
    }
    String model = modelKey(p);
    d.add(new Field(CODES, codesText(p, model), WORDS));
    if (model != null) {
      d.add(new StringField(MODEL, model, Field.Store.NO));
    }
    String gtin = gtinKey(p.gtin());
    if (gtin != null) {
      d.add(new StringField(GTIN, gtin, Field.Store.NO));
    }

    if (notBlank(p.domain())) {
      d.add(new StringField(DOMAIN, lower(p.domain()), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(FACET_DOMAIN, p.domain()));
    }
    if (notBlank(p.merchantId())) {
      d.add(new StringField(MERCHANT_ID, p.merchantId(), Field.Store.NO));
    }
    if (notBlank(p.region())) {
      d.add(new StringField(REGION, lower(p.region()), Field.Store.NO));
    }
    if (notBlank(p.countryCode())) {
      d.add(new StringField(COUNTRY, p.countryCode().toUpperCase(Locale.ROOT), Field.Store.NO));
    }
    if (notBlank(p.availability())) {
      d.add(new StringField(AVAILABILITY, lower(p.availability()), Field.Store.NO));
    }

    if (p.normalizedPriceUsd() != null) {
      double usd = p.normalizedPriceUsd().doubleValue();
      d.add(new DoublePoint(PRICE_USD, usd));
      d.add(new DoubleDocValuesField(PRICE_USD, usd));
      d.add(new SortedSetDocValuesFacetField(FACET_PRICE, priceBucket(usd)));
    }
    if (p.discountPct() != null) {
      double pct = p.discountPct().doubleValue();
      d.add(new DoublePoint(DISCOUNT, pct));
      d.add(new DoubleDocValuesField(DISCOUNT, pct));
    }
    if (p.rating() != null) {
      d.add(new DoubleDocValuesField(RATING, p.rating().doubleValue()));
    }
    if (p.reviewCount() != null) {
      d.add(new NumericDocValuesField(REVIEWS, p.reviewCount()));
    }
    long updated = p.updatedAt() == null ? 0L : p.updatedAt().toEpochMilli();
    d.add(new LongPoint(UPDATED, updated));
    d.add(new NumericDocValuesField(UPDATED, updated));
    try {
      return FACETS.build(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Product fromStored(BytesRef json) {
    try {
      return READER.readValue(json.bytes, json.offset, json.length);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored product", e);
    }
  }

  /** Lower-cased, trimmed brand: the brand filter is case-insensitive and exact. */
  static String brandKey(String brand) {
    return brand.trim().toLowerCase(Locale.ROOT);
  }

  /** The model number as letters and digits only, lower case; from {@code model} or the specs. */
  static String modelKey(Product p) {
    String raw = p.model();
    if (!notBlank(raw) && p.structuredSpecs() != null) {
      Object spec = firstNonNull(p.structuredSpecs(), "model", "model_number", "mpn");
      raw = spec == null ? null : spec.toString();
    }
    if (!notBlank(raw)) {
      return null;
    }
    String key = NOT_LOWER_ALNUM.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
    return key.length() < 3 ? null : key;
  }

  /** GTIN digits left-padded to 14, so UPC-A, EAN-13 and GTIN-14 spellings compare equal. */
  static String gtinKey(String gtin) {
    if (!notBlank(gtin)) {
      return null;
    }
    String digits = NOT_DIGIT.matcher(gtin).replaceAll("");
    if (digits.length() < 8 || digits.length() > 14) {
      return null;
    }
    return "0".repeat(14 - digits.length()) + digits;
  }

  private static String codesText(Product p, String model) {
    StringBuilder sb = new StringBuilder(nz(p.title()));
    if (model != null) {
      sb.append(' ').append(p.model() != null ? p.model() : model);
    }
    if (notBlank(p.gtin())) {
      sb.append(' ').append(p.gtin());
    }
    return sb.toString();
  }

  private static Object firstNonNull(Map<String, Object> m, String... keys) {
    for (String k : keys) {
      Object v = m.get(k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static byte[] json(Product p) {
    try {
      return WRITER.writeValueAsBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
