package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.RawProduct;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generic CSV (with header) or JSON Lines feeds. The source's {@code mapping} option maps our field
 * names ({@code sku, title, description, brand, url, image_url, price, original_price, currency,
 * availability, category, gtin, model, rating, review_count}) to the feed's column names; unmapped
 * fields default to a column of the same name. Other columns become attributes (colour, size, …). A
 * malformed JSON line is skipped and reported.
 */
final class TabularFetcher implements SourceFetcher {
  static final int BATCH = 500;
  static final List<String> FIELDS =
      List.of(
          "sku",
          "title",
          "description",
          "brand",
          "url",
          "image_url",
          "price",
          "original_price",
          "currency",
          "availability",
          "category",
          "gtin",
          "model",
          "rating",
          "review_count");
  private final HttpFetcher http;
  private final boolean jsonLines;

  TabularFetcher(HttpFetcher http, boolean jsonLines) {
    this.http = http;
    this.jsonLines = jsonLines;
  }

  @Override
  public void fetch(Source source, PageSink sink) {
    Map<String, String> mapping = mapping(source);
    HttpFetcher.Response r = http.get(source.url());
    List<RawProduct> batch = new ArrayList<>();
    int line = 0;
    for (Map<String, String> rec : jsonLines ? jsonLines(r, sink) : csv(r)) {
      line++;
      batch.add(row(rec, mapping));
      if (batch.size() >= BATCH) {
        sink.page(List.copyOf(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      sink.page(batch);
    }
    if (line == 0) {
      sink.skipped(source.url(), "feed has no rows");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> mapping(Source source) {
    Map<String, String> out = new HashMap<>();
    FIELDS.forEach(f -> out.put(f, f));
    Object m = source.options() == null ? null : source.options().get("mapping");
    if (m instanceof Map<?, ?> map) {
      ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  private static List<Map<String, String>> csv(HttpFetcher.Response r) {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Map<String, String>> out = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(r.body())) {
      while (it.hasNextValue()) {
        out.add(it.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      throw new FetchException("malformed CSV from " + r.uri() + ": " + e.getMessage(), 0, e);
    }
    return out;
  }

  private static List<Map<String, String>> jsonLines(HttpFetcher.Response r, PageSink sink) {
    List<Map<String, String>> out = new ArrayList<>();
    String[] lines = r.text().split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        JsonNode n = Fetchers.JSON.readTree(lines[i]);
        if (!n.isObject()) {
          sink.skipped(r.uri() + "#L" + (i + 1), "line is not a JSON object");
          continue;
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.fields()
            .forEachRemaining(
                e ->
                    m.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString()));
        out.add(m);
      } catch (IOException e) {
        sink.skipped(r.uri() + "#L" + (i + 1), "malformed JSON: " + Fetchers.firstLine(e));
      }
    }
    return out;
  }

  static RawProduct row(Map<String, String> rec, Map<String, String> mapping) {
    Set<String> used = new HashSet<>(mapping.values());
    Map<String, String> attrs = new LinkedHashMap<>();
    rec.forEach(
        (k, v) -> {
          if (!used.contains(k) && v != null && !v.isBlank()) {
            attrs.put(k, v);
          }
        });
    String category = get(rec, mapping, "category");
    return RawProduct.builder()
        .sku(get(rec, mapping, "sku"))
        .title(get(rec, mapping, "title"))
        .description(get(rec, mapping, "description"))
        .brand(get(rec, mapping, "brand"))
        .url(get(rec, mapping, "url"))
        .imageUrl(get(rec, mapping, "image_url"))
        .price(get(rec, mapping, "price"))
        .originalPrice(get(rec, mapping, "original_price"))
        .currency(get(rec, mapping, "currency"))
        .availability(get(rec, mapping, "availability"))
        .categoryPath(category == null ? List.of() : List.of(category))
        .attributes(attrs)
        .gtin(get(rec, mapping, "gtin"))
        .model(get(rec, mapping, "model"))
        .rating(get(rec, mapping, "rating"))
        .reviewCount(get(rec, mapping, "review_count"))
        .build();
  }

  private static String get(Map<String, String> rec, Map<String, String> mapping, String field) {
    String v = rec.get(mapping.getOrDefault(field, field));
    return v == null || v.isBlank() ? null : v.trim();
  }
}
