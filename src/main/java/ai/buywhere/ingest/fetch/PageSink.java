package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.normalize.RawProduct;
import java.util.List;

/**
 * Where a fetcher delivers rows, one page (feed page, sitemap batch) at a time, so that a run can
 * write, heartbeat and check for cancellation between pages. {@link #skipped} records input the
 * fetcher could not turn into a row (junk page, malformed line) for the run's error sample.
 */
public interface PageSink {
  void page(List<RawProduct> rows);

  void skipped(String ref, String reason);
}
