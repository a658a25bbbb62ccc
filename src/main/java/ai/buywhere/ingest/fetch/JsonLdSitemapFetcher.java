package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.RawProduct;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Discovers product pages from {@code sitemap.xml} (sitemap indexes followed to {@code
 * sitemap_depth}, default 3; gzip handled by {@link HttpFetcher}; at most {@code max_urls} pages,
 * default 5,000) and extracts schema.org JSON-LD products from each. Pages that fail to load or
 * carry no product are reported as skipped; the run fails only if the sitemap itself cannot be
 * read. Rows are delivered in pages of {@link #BATCH}.
 */
final class JsonLdSitemapFetcher implements SourceFetcher {
  static final int BATCH = 100;
  private final HttpFetcher http;

  JsonLdSitemapFetcher(HttpFetcher http) {
    this.http = http;
  }

  @Override
  public void fetch(Source source, PageSink sink) {
    int maxUrls = source.intOption("max_urls", 5000);
    int maxDepth = source.intOption("sitemap_depth", 3);
    Set<String> pages = new LinkedHashSet<>();
    collect(source.url(), 0, maxDepth, maxUrls, pages, new LinkedHashSet<>(), sink);
    List<RawProduct> batch = new ArrayList<>();
    for (String page : pages) {
      try {
        HttpFetcher.Response r = http.get(page);
        JsonLdExtractor.Extracted x = JsonLdExtractor.extract(r.text(), r.uri().toString());
        x.problems().forEach(p -> sink.skipped(page, p));
        if (x.products().isEmpty() && x.problems().isEmpty()) {
          sink.skipped(page, "no schema.org Product on page");
        }
        batch.addAll(x.products());
      } catch (FetchException e) {
        sink.skipped(page, e.getMessage());
      }
      if (batch.size() >= BATCH) {
        sink.page(List.copyOf(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      sink.page(List.copyOf(batch));
    }
  }

  private void collect(
      String url,
      int depth,
      int maxDepth,
      int maxUrls,
      Set<String> pages,
      Set<String> seenMaps,
      PageSink sink) {
    if (!seenMaps.add(url) || pages.size() >= maxUrls) {
      return;
    }
    HttpFetcher.Response r;
    try {
      r = http.get(url);
    } catch (FetchException e) {
      if (depth == 0) {
        throw e;
      }
      sink.skipped(url, e.getMessage());
      return;
    }
    Document xml = Jsoup.parse(r.text(), r.uri().toString(), Parser.xmlParser());
    if (depth == 0 && xml.selectFirst("sitemapindex, urlset") == null) {
      throw new FetchException("not a sitemap: " + r.uri());
    }
    for (Element loc : xml.select("sitemapindex > sitemap > loc")) {
      if (depth + 1 > maxDepth) {
        sink.skipped(loc.text(), "sitemap depth cap " + maxDepth + " reached");
        continue;
      }
      collect(loc.text().trim(), depth + 1, maxDepth, maxUrls, pages, seenMaps, sink);
    }
    for (Element loc : xml.select("urlset > url > loc")) {
      if (pages.size() >= maxUrls) {
        return;
      }
      pages.add(loc.text().trim());
    }
  }
}
