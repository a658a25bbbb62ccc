package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.Source;

/**
 * Reads every product a source lists and hands them to the sink page by page. Throws {@link
 * FetchException} when the feed as a whole cannot be read (the run fails and may be retried);
 * problems with single items go to {@link PageSink#skipped}.
 */
public interface SourceFetcher {
  void fetch(Source source, PageSink sink);
}
