package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.normalize.RawProduct;
import java.util.ArrayList;
import java.util.List;

/** Collects what a fetcher delivers. */
final class RecordingSink implements PageSink {
  final List<List<RawProduct>> pages = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();

  @Override
  public void page(List<RawProduct> rows) {
    pages.add(rows);
  }

  @Override
  public void skipped(String ref, String reason) {
    skipped.add(ref + ": " + reason);
  }

  List<RawProduct> rows() {
    return pages.stream().flatMap(List::stream).toList();
  }
}
