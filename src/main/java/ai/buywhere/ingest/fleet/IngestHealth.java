package ai.buywhere.ingest.fleet;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.source.SourceRepository;
import ai.buywhere.ops.health.CheckResult;
import ai.buywhere.ops.health.Freshness;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingestion's part of {@code /health}: the data-freshness summary (a source is fresh when its last
 * successful run is younger than the runbook's critical last-run age, 24 h by default) and the
 * {@code ingestion} component check (degraded when any active source is stale or paused for
 * quality; {@code not_configured} when there are no sources yet).
 */
public final class IngestHealth {
  private final SourceRepository sources;
  private final Clock clock;
  private final Duration freshFor;

  public IngestHealth(SourceRepository sources, Clock clock, Duration freshFor) {
    this.sources = sources;
    this.clock = clock;
    this.freshFor = freshFor;
  }

  public Freshness freshness() {
    long now = clock.millis();
    int fresh = 0;
    int stale = 0;
    Double oldest = null;
    for (Source s : sources.list()) {
      if (s.lastSuccessAt() != null && now - s.lastSuccessAt() <= freshFor.toMillis()) {
        fresh++;
      } else {
        stale++;
      }
      if (s.lastRunAt() != null) {
        double ageH = (now - s.lastRunAt()) / 3_600_000.0;
        oldest = oldest == null ? ageH : Math.max(oldest, ageH);
      }
    }
    return new Freshness(fresh, stale, oldest == null ? null : Math.round(oldest * 10) / 10.0);
  }

  public CheckResult check() {
    List<Source> all = sources.list();
    if (all.isEmpty()) {
      return CheckResult.notConfigured();
    }
    Freshness f = freshness();
    long paused = all.stream().filter(Source::paused).count();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("sources", all.size());
    details.put("fresh", f.sourcesFresh());
    details.put("stale", f.sourcesStale());
    details.put("paused", paused);
    if (f.sourcesStale() > 0) {
      return CheckResult.degraded(
          f.sourcesStale() + " source(s) without a successful run in " + freshFor.toHours() + " h",
          details);
    }
    return CheckResult.ok(details);
  }
}
