package ai.buywhere.ingest.run;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.ProductNormalizer;
import ai.buywhere.ingest.normalize.RawProduct;
import ai.buywhere.ingest.quality.BatchGate;
import ai.buywhere.ingest.quality.RowValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Normalise → validate → gate → write for one batch of rows, shared by fetch runs and the push API.
 * A gated batch writes nothing. Stateless apart from its collaborators; thread-safe.
 */
public final class BatchProcessor {
  private final CatalogWriter writer;

  public BatchProcessor(CatalogWriter writer) {
    this.writer = writer;
  }

  /**
   * Per-row outcome (rows repeating a SKU in one batch: the last one wins, all get its id): {@code
   * reasons} empty and {@code id} set when written.
   */
  public record RowResult(int index, String sku, String id, List<String> reasons) {}

  /** What one batch did. {@code rejected} is the gate's reason when the whole batch was refused. */
  public record Outcome(RunCounts counts, List<RowResult> rows, Optional<String> rejected) {}

  public Outcome process(Source source, List<RawProduct> raw) {
    ProductNormalizer normalizer = new ProductNormalizer(source);
    List<ProductInput> all = new ArrayList<>(raw.size());
    List<ProductInput> valid = new ArrayList<>(raw.size());
    List<RowResult> results = new ArrayList<>(raw.size());
    List<Integer> validIndex = new ArrayList<>(raw.size());
    int withImage = 0;
    for (int i = 0; i < raw.size(); i++) {
      ProductInput in = normalizer.normalize(raw.get(i));
      all.add(in);
      List<String> reasons = RowValidator.validate(in);
      results.add(new RowResult(i, in.sku(), null, reasons));
      if (reasons.isEmpty()) {
        valid.add(in);
        validIndex.add(i);
        if (in.imageUrl() != null) {
          withImage++;
        }
      }
    }
    int invalid = raw.size() - valid.size();
    Optional<String> rejected = BatchGate.check(all, invalid);
    if (rejected.isPresent()) {
      List<RowResult> refused = new ArrayList<>(results.size());
      for (RowResult r : results) {
        List<String> reasons = new ArrayList<>(r.reasons());
        reasons.add("batch_rejected");
        refused.add(new RowResult(r.index(), r.sku(), null, reasons));
      }
      return new Outcome(new RunCounts(raw.size(), 0, 0, 0, raw.size(), 0), refused, rejected);
    }
    List<ProductInput> dedup = dedupLast(valid);
    WriteResult w = writer.write(dedup);
    Map<String, String> idBySku = new HashMap<>();
    for (int k = 0; k < dedup.size() && k < w.ids().size(); k++) {
      idBySku.put(dedup.get(k).sku(), w.ids().get(k));
    }
    for (int idx : validIndex) {
      RowResult r = results.get(idx);
      results.set(idx, new RowResult(idx, r.sku(), idBySku.get(r.sku()), List.of()));
    }
    return new Outcome(
        new RunCounts(raw.size(), w.inserted(), w.updated(), w.unchanged(), invalid, withImage),
        results,
        Optional.empty());
  }

  private static List<ProductInput> dedupLast(List<ProductInput> in) {
    LinkedHashMap<String, ProductInput> m = new LinkedHashMap<>();
    for (ProductInput p : in) {
      m.remove(p.sku());
      m.put(p.sku(), p);
    }
    return new ArrayList<>(m.values());
  }
}
