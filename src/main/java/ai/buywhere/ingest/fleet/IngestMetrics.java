package ai.buywhere.ingest.fleet;

import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.SourceKind;
import ai.buywhere.ingest.run.IngestListener;
import ai.buywhere.ingest.run.RunCounts;
import ai.buywhere.ingest.run.RunStatus;
import ai.buywhere.ingest.source.SourceRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ingestion metrics on an injected {@link MeterRegistry}. Counters move as rows and runs finish;
 * gauges are a snapshot taken by {@link #refresh} (workers call it every auto-action pass; a server
 * may schedule it), so a scrape never queries the database. Names (Prometheus spelling):
 *
 * <ul>
 *   <li>{@code hours_since_last_run{source,region}} (sources that never ran: hours since creation)
 *   <li>{@code ingestion_quality_score{source}}, {@code ingestion_stale_share{source}}, {@code
 *       ingestion_error_rate{source}}
 *   <li>{@code ingestion_rows_total{source,outcome}} (inserted, updated, unchanged, failed), {@code
 *       ingestion_runs_total{source,status}}
 *   <li>{@code buywhere_scraper_status{state}} (workers per state: busy, idle, failing, dead)
 *   <li>{@code fleet_error_concentration{region}} (unhealthy share of the region's workers) and
 *       {@code fleet_unhealthy_share}
 * </ul>
 */
public final class IngestMetrics implements IngestListener {
  private static final List<String> STATES = List.of("busy", "idle", "failing", "dead");
  private final MeterRegistry registry;
  private final SourceRepository sources;
  private final WorkerRegistry workers;
  private final IngestConfig config;
  private final Clock clock;
  private final MultiGauge lastRun;
  private final MultiGauge quality;
  private final MultiGauge stale;
  private final MultiGauge errorRate;
  private final MultiGauge scraperStatus;
  private final MultiGauge concentration;
  private volatile double unhealthyShare;

  public IngestMetrics(
      MeterRegistry registry,
      SourceRepository sources,
      WorkerRegistry workers,
      IngestConfig config,
      Clock clock) {
    this.registry = registry;
    this.sources = sources;
    this.workers = workers;
    this.config = config;
    this.clock = clock;
    lastRun =
        MultiGauge.builder("hours_since_last_run")
            .description("Hours since the source's last finished run (R21 freshness)")
            .register(registry);
    quality =
        MultiGauge.builder("ingestion_quality_score")
            .description("0.4*compliant + 0.3*with_image + 0.3*(1 - stale_share), per source")
            .register(registry);
    stale =
        MultiGauge.builder("ingestion_stale_share")
            .description("Share of the source's active products not seen within the stale window")
            .register(registry);
    errorRate =
        MultiGauge.builder("ingestion_error_rate")
            .description("Share of rows refused in the source's last run")
            .register(registry);
    scraperStatus =
        MultiGauge.builder("buywhere_scraper_status")
            .description("Ingestion workers per state (busy, idle, failing, dead)")
            .register(registry);
    concentration =
        MultiGauge.builder("fleet_error_concentration")
            .description("Share of the region's ingestion workers that are failing or dead")
            .register(registry);
    Gauge.builder("fleet_unhealthy_share", this, m -> m.unhealthyShare)
        .description("Share of all live ingestion workers that are failing or dead")
        .register(registry);
  }

  @Override
  public void rowsProcessed(Source source, RunCounts c) {
    rows(source, "inserted", c.inserted());
    rows(source, "updated", c.updated());
    rows(source, "unchanged", c.unchanged());
    rows(source, "failed", c.failed());
  }

  private void rows(Source s, String outcome, int n) {
    if (n > 0) {
      Counter.builder("ingestion_rows")
          .description("Rows processed by ingestion, by source and outcome")
          .tags("source", s.id(), "outcome", outcome)
          .register(registry)
          .increment(n);
    }
  }

  @Override
  public void runFinished(Source source, RunStatus status) {
    Counter.builder("ingestion_runs")
        .description("Ingestion runs ended, by source and status (queued = re-queued for retry)")
        .tags("source", source.id(), "status", status.wire())
        .register(registry)
        .increment();
  }

  /** Re-reads sources and workers into the gauges. */
  public void refresh() {
    long now = clock.millis();
    List<MultiGauge.Row<?>> ages = new ArrayList<>();
    List<MultiGauge.Row<?>> q = new ArrayList<>();
    List<MultiGauge.Row<?>> st = new ArrayList<>();
    List<MultiGauge.Row<?>> er = new ArrayList<>();
    for (Source s : sources.list()) {
      if (s.kind() == SourceKind.PUSH && s.lastRunAt() == null) {
        continue;
      }
      Tags tags = Tags.of("source", s.id());
      long last = s.lastRunAt() != null ? s.lastRunAt() : s.createdAt();
      ages.add(MultiGauge.Row.of(tags.and("region", s.region()), (now - last) / 3_600_000.0));
      if (s.qualityScore() != null) {
        q.add(MultiGauge.Row.of(tags, s.qualityScore()));
        st.add(MultiGauge.Row.of(tags, s.staleShare()));
        er.add(MultiGauge.Row.of(tags, s.errorRate()));
      }
    }
    lastRun.register(ages, true);
    quality.register(q, true);
    stale.register(st, true);
    errorRate.register(er, true);

    List<WorkerRegistry.WorkerInfo> fleet =
        workers.fleet(config.deadAfter().toMillis(), 24 * 3_600_000L);
    Map<String, Integer> byState = new TreeMap<>();
    STATES.forEach(s -> byState.put(s, 0));
    Map<String, int[]> byRegion = new TreeMap<>();
    int unhealthy = 0;
    for (WorkerRegistry.WorkerInfo w : fleet) {
      byState.merge(w.state(), 1, Integer::sum);
      int[] c = byRegion.computeIfAbsent(w.region(), r -> new int[2]);
      c[0]++;
      if (w.unhealthy()) {
        c[1]++;
        unhealthy++;
      }
    }
    List<MultiGauge.Row<?>> states = new ArrayList<>();
    byState.forEach((k, v) -> states.add(MultiGauge.Row.of(Tags.of("state", k), v)));
    scraperStatus.register(states, true);
    List<MultiGauge.Row<?>> conc = new ArrayList<>();
    byRegion.forEach(
        (r, c) -> conc.add(MultiGauge.Row.of(Tags.of("region", r), (double) c[1] / c[0])));
    concentration.register(conc, true);
    unhealthyShare = fleet.isEmpty() ? 0 : (double) unhealthy / fleet.size();
  }
}
