package ai.buywhere.search;

import static ai.buywhere.search.ProductFields.*;

import ai.buywhere.catalog.Product;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * {@link ProductSearch} over a {@link SearchIndex}. Each call acquires the current searcher from
 * the index's {@code SearcherManager} and releases it; totals are exact; only the requested page's
 * products are read. Thread-safe.
 */
public final class LuceneProductSearch implements ProductSearch {
  /** Deepest reachable hit: the contract's maximum offset plus the maximum page. */
  static final int MAX_OFFSET = 10_000;

  static final int MAX_LIMIT = 100;

  /** Decoded products kept between searches by default (see {@link HitProducts}). */
  public static final int DEFAULT_PRODUCT_CACHE = HitProducts.DEFAULT_CACHE_SIZE;

  private static final int FACET_TOP = 50;

  private final SearchIndex index;
  private final RelevanceTuning tuning;
  private final HitProducts products;
  private final SearchResultCache results;

  public LuceneProductSearch(SearchIndex index) {
    this(index, RelevanceTuning.DEFAULT);
  }

  public LuceneProductSearch(SearchIndex index, RelevanceTuning tuning) {
    this(index, tuning, DEFAULT_PRODUCT_CACHE);
  }

  /** {@code productCacheSize}: decoded products kept between searches (0: none). */
  public LuceneProductSearch(SearchIndex index, RelevanceTuning tuning, int productCacheSize) {
    this(index, tuning, productCacheSize, 0);
  }

  /**
   * {@code resultCacheHits}: hits of recent results kept for repeated searches ({@link
   * SearchResultCache}; 0: none, every search runs).
   */
  public LuceneProductSearch(
      SearchIndex index, RelevanceTuning tuning, int productCacheSize, int resultCacheHits) {
    this.index = index;
    this.tuning = tuning;
    this.products = new HitProducts(productCacheSize);
    this.results = new SearchResultCache(resultCacheHits);
  }

  /** Look-ups and hits of the result cache since start (all zero when it is off). */
  public CacheStats resultCacheStats() {
    return results.stats();
  }

  @Override
  public SearchResult search(SearchRequest r) {
    try {
      IndexSearcher searcher = index.acquire();
      if (searcher == null) {
        return new SearchResult(0, List.of(), Map.of());
      }
      try {
        return results.getOrSearch(searcher.getIndexReader(), r, () -> run(searcher, r));
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }

  /** Runs {@code r} on {@code searcher}: the requested page, the exact total, facets. */
  private SearchResult run(IndexSearcher searcher, SearchRequest r) throws IOException {
    int limit = Math.max(1, Math.min(MAX_LIMIT, r.limit()));
    int offset = Math.max(0, Math.min(MAX_OFFSET, r.offset()));
    Query text = ProductQueries.text(r.q(), tuning);
    if (text == null && r.q() != null && !r.q().isBlank()) {
      // words that analyse to nothing (only punctuation or stop words) match nothing
      text = new MatchNoDocsQuery();
    }
    Sort sort = SearchSorts.of(r.sort());
    Query query = ProductQueries.filtered(text, r, t -> inEveryDocument(searcher, t));
    // Every match is visited and counted: the contract's total is exact. Collecting with a
    // hit-count threshold (block-max WAND) plus a count-only pass for the total measured 2-3x
    // slower on the 34k and 1M catalogs: both passes walk the same disjunction.
    var top = new TopFieldCollectorManager(sort, offset + limit, null, Integer.MAX_VALUE);
    TopDocs docs;
    Map<String, Map<String, Long>> facets = Map.of();
    if (r.includeFacets()) {
      var both = new MultiCollectorManager(top, new FacetsCollectorManager());
      Object[] res = searcher.search(query, both);
      docs = (TopDocs) res[0];
      facets = facets(searcher, (FacetsCollector) res[1]);
    } else {
      docs = searcher.search(query, top);
    }
    return new SearchResult(
        docs.totalHits.value, page(searcher, query, sort, docs, offset), facets);
  }

  /** True when every document of the searcher's index (deleted ones included) carries {@code t}. */
  private static boolean inEveryDocument(IndexSearcher searcher, Term t) {
    IndexReader reader = searcher.getIndexReader();
    try {
      return reader.maxDoc() > 0 && reader.docFreq(t) == reader.maxDoc();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<SearchHit> page(
      IndexSearcher searcher, Query query, Sort sort, TopDocs docs, int from) throws IOException {
    if (docs.scoreDocs.length <= from) {
      return List.of();
    }
    ScoreDoc[] page = Arrays.copyOfRange(docs.scoreDocs, from, docs.scoreDocs.length);
    int scoreAt = SearchSorts.scorePosition(sort);
    if (scoreAt >= 0) {
      // every sort ranks ties by score, so the collector already holds each hit's score
      for (ScoreDoc sd : page) {
        sd.score = (Float) ((FieldDoc) sd).fields[scoreAt];
      }
    } else {
      TopFieldCollector.populateScores(page, searcher, query);
    }
    return products.read(searcher, page);
  }

  private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollector fc)
      throws IOException {
    SortedSetDocValuesReaderState state = index.facetState(searcher.getIndexReader());
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    SortedSetDocValuesFacetCounts counts =
        state == null ? null : new SortedSetDocValuesFacetCounts(state, fc);
    out.put(FACET_BRAND, top(counts, FACET_BRAND));
    out.put(FACET_DOMAIN, top(counts, FACET_DOMAIN));
    out.put(FACET_CATEGORY, top(counts, FACET_CATEGORY));
    Map<String, Long> byBucket = top(counts, FACET_PRICE);
    Map<String, Long> price = new LinkedHashMap<>();
    for (String label : PRICE_LABELS) {
      Long n = byBucket.get(label);
      if (n != null) {
        price.put(label, n);
      }
    }
    out.put(FACET_PRICE, price);
    return out;
  }

  private static Map<String, Long> top(SortedSetDocValuesFacetCounts counts, String dim)
      throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (counts == null) {
      return out;
    }
    FacetResult res;
    try {
      res = counts.getTopChildren(FACET_TOP, dim);
    } catch (IllegalArgumentException e) {
      return out;
    }
    if (res != null) {
      for (LabelAndValue lv : res.labelValues) {
        out.put(lv.label, lv.value.longValue());
      }
    }
    return out;
  }

  @Override
  public List<SearchHit> similar(Product product, int limit, Set<String> hiddenCountries) {
    int n = Math.max(1, Math.min(MAX_LIMIT, limit));
    Query query = SimilarQueries.of(product, hiddenCountries, tuning);
    try {
      IndexSearcher searcher = index.acquire();
      if (searcher == null) {
        return List.of();
      }
      try {
        TopDocs docs = searcher.search(query, n);
        return products.read(searcher, docs.scoreDocs);
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("similar search failed", e);
    }
  }

  @Override
  public long appliedSeq() {
    return index.visibleSeq();
  }

  @Override
  public long size() {
    try {
      IndexSearcher searcher = index.acquire();
      if (searcher == null) {
        return 0;
      }
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
