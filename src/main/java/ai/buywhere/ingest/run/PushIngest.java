package ai.buywhere.ingest.run;

import ai.buywhere.api.ApiException;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.RawProduct;
import ai.buywhere.ingest.source.SourceRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows pushed by a merchant ({@code POST /v1/ingest/products}): at most {@link #MAX_ROWS} per
 * request, for a registered source, through the same normalise → validate → gate → write path as
 * fetched rows, recorded as a finished run with trigger {@code push}. Thread-safe.
 */
public final class PushIngest {
  public static final int MAX_ROWS = 1000;
  private final SourceRepository sources;
  private final RunRepository runs;
  private final BatchProcessor processor;
  private final IngestListener listener;

  public PushIngest(
      SourceRepository sources,
      RunRepository runs,
      BatchProcessor processor,
      IngestListener listener) {
    this.sources = sources;
    this.runs = runs;
    this.processor = processor;
    this.listener = listener;
  }

  /** The run id, counts, per-row results and the batch gate's reason if it refused the batch. */
  public record Result(
      String runId,
      RunCounts counts,
      List<BatchProcessor.RowResult> rows,
      Optional<String> rejected) {}

  public Result accept(String sourceId, List<Map<String, Object>> products) {
    if (sourceId == null || sourceId.isBlank()) {
      throw ApiException.invalid("source", "is required");
    }
    Source source =
        sources
            .find(sourceId)
            .orElseThrow(
                () -> ApiException.notFound("Source '" + sourceId + "' is not registered"));
    if (products == null || products.isEmpty()) {
      throw ApiException.invalid("products", "must be a non-empty array");
    }
    if (products.size() > MAX_ROWS) {
      throw new ApiException(
          ai.buywhere.api.ErrorCode.PAYLOAD_TOO_LARGE,
          "At most " + MAX_ROWS + " products per request; got " + products.size());
    }
    List<RawProduct> raw = new ArrayList<>(products.size());
    for (Map<String, Object> p : products) {
      raw.add(toRaw(p == null ? Map.of() : p));
    }
    BatchProcessor.Outcome o = processor.process(source, raw);
    List<String> samples = new ArrayList<>();
    o.rejected().ifPresent(samples::add);
    for (BatchProcessor.RowResult r : o.rows()) {
      if (!r.reasons().isEmpty() && samples.size() < RunRepository.MAX_SAMPLES) {
        samples.add("row " + r.index() + ": " + String.join(",", r.reasons()));
      }
    }
    RunStatus status =
        o.rejected().isPresent() || o.counts().failed() == o.counts().seen()
            ? RunStatus.FAILED
            : o.counts().failed() > 0 ? RunStatus.COMPLETED_WITH_ERRORS : RunStatus.COMPLETED;
    String runId = runs.recordPush(source.id(), status, o.counts(), samples);
    listener.rowsProcessed(source, o.counts());
    listener.runFinished(source, status);
    return new Result(runId, o.counts(), o.rows(), o.rejected());
  }

  @SuppressWarnings("unchecked")
  static RawProduct toRaw(Map<String, Object> p) {
    Object cat = p.containsKey("category_path") ? p.get("category_path") : p.get("category");
    List<String> path = new ArrayList<>();
    if (cat instanceof List<?> l) {
      l.forEach(x -> path.add(String.valueOf(x)));
    } else if (cat != null) {
      path.add(String.valueOf(cat));
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    Object a = p.containsKey("attributes") ? p.get("attributes") : p.get("structured_specs");
    if (a instanceof Map<?, ?> m) {
      ((Map<Object, Object>) m).forEach((k, v) -> attrs.put(String.valueOf(k), str(v)));
    }
    return RawProduct.builder()
        .sku(str(p.get("sku")))
        .title(str(p.get("title")))
        .description(str(p.get("description")))
        .brand(str(p.get("brand")))
        .url(str(p.get("url")))
        .imageUrl(str(p.get("image_url")))
        .price(str(p.get("price")))
        .originalPrice(str(p.get("original_price")))
        .currency(str(p.get("currency")))
        .availability(str(p.get("availability")))
        .categoryPath(path)
        .attributes(attrs)
        .gtin(str(p.get("gtin")))
        .model(str(p.get("model")))
        .rating(str(p.get("rating")))
        .reviewCount(str(p.get("review_count")))
        .build();
  }

  private static String str(Object o) {
    if (o == null || o instanceof Map || o instanceof List) {
      return null;
    }
    if (o instanceof java.math.BigDecimal b) {
      return b.toPlainString();
    }
    if (o instanceof Double || o instanceof Float) {
      return new java.math.BigDecimal(o.toString()).toPlainString();
    }
    return o.toString();
  }
}
