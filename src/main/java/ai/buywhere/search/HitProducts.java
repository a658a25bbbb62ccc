package ai.buywhere.search;

import static ai.buywhere.search.ProductFields.SOURCE;

import ai.buywhere.catalog.Product;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Turns a page of hits into products: reads each hit's {@link ProductFields#SOURCE} doc values and
 * decodes it, through a bounded cache of decoded products.
 *
 * <p>The cache is keyed by segment and document number. A segment never changes once written (an
 * update deletes the old document and adds a new one elsewhere), so an entry can never be stale; it
 * simply stops being asked for when its segment is merged away, and the size bound evicts it. Like
 * Solr's document cache, it saves the decoding of the products that popular queries keep returning.
 * Thread-safe.
 */
final class HitProducts {
  /** Decoded products kept; at about 2 KB each, some 20 MB of heap. */
  static final int DEFAULT_CACHE_SIZE = 10_000;

  private record Key(IndexReader.CacheKey segment, int doc) {}

  private final Cache<Key, Product> cache;

  HitProducts(int cacheSize) {
    this.cache = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
  }

  /** The page's hits in page order; doc values are read forward only, so in doc id order. */
  List<SearchHit> read(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Integer[] byDoc = new Integer[page.length];
    for (int i = 0; i < page.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> page[i].doc));
    SearchHit[] out = new SearchHit[page.length];
    int leafIndex = -1;
    LeafReaderContext leaf = null;
    IndexReader.CacheKey segment = null;
    BinaryDocValues source = null;
    for (int i : byDoc) {
      ScoreDoc sd = page[i];
      int l = ReaderUtil.subIndex(sd.doc, leaves);
      if (l != leafIndex) {
        leafIndex = l;
        leaf = leaves.get(l);
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        segment = helper == null ? null : helper.getKey();
        source = null;
      }
      int doc = sd.doc - leaf.docBase;
      Key key = cache == null || segment == null ? null : new Key(segment, doc);
      Product p = key == null ? null : cache.getIfPresent(key);
      if (p == null) {
        if (source == null || source.docID() >= doc) {
          source = DocValues.getBinary(leaf.reader(), SOURCE);
        }
        if (!source.advanceExact(doc)) {
          throw new IllegalStateException(
              "search index document without its product; the index is from another version:"
                  + " run `buywhere reindex` or restart the server to rebuild it");
        }
        p = ProductDocuments.fromStored(source.binaryValue());
        if (key != null) {
          cache.put(key, p);
        }
      }
      out[i] = new SearchHit(p, Float.isNaN(sd.score) ? 0f : sd.score);
    }
    return Arrays.asList(out);
  }
}
