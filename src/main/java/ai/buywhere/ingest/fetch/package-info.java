/**
 * Fetching merchant feeds politely and safely. {@link ai.buywhere.ingest.fetch.HttpFetcher} is the
 * one HTTP path: http/https only, private and loopback addresses refused unless {@code
 * INGEST_ALLOWED_HOSTS} lists them, redirects followed by hand (each hop re-checked, capped, loops
 * detected), a total deadline and a size cap per response, robots.txt, per-host concurrency and
 * delay, and retries with exponential backoff and jitter on 429/5xx honouring {@code Retry-After}.
 * The {@link ai.buywhere.ingest.fetch.SourceFetcher}s parse each format into {@link
 * ai.buywhere.ingest.normalize.RawProduct} pages.
 */
package ai.buywhere.ingest.fetch;
