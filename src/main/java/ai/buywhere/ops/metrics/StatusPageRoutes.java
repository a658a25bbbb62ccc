package ai.buywhere.ops.metrics;

import ai.buywhere.api.RouteModule;
import ai.buywhere.shared.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in status page: {@code GET /status} (plain HTML and a little JS, no external assets)
 * and {@code GET /status.json}, the values of the Grafana "US launch" panels read from this
 * process's own registry (latency quantiles, error rate, request rate, freshness by source, fleet
 * health, infrastructure), so an embedded deployment sees them without Prometheus or Grafana.
 * Read-only and unauthenticated by default, like {@code /metrics}; with {@code
 * STATUS_PAGE_REQUIRE_ADMIN=true} the composition root puts {@link #PATHS} behind the admin check.
 */
public final class StatusPageRoutes implements RouteModule {
  /** The paths this module serves: the HTML page and its data. */
  public static final List<String> PATHS = List.of("/status", "/status.json");

  /** Panel → metric names shown on it. */
  static final Map<String, List<String>> PANELS =
      Map.of(
          "latency",
              List.of(
                  "http_request_duration_p50_seconds",
                  "http_request_duration_p95_seconds",
                  "http_request_duration_p99_seconds"),
          "errors", List.of("error_rate", "http_request_rate_per_minute"),
          "freshness",
              List.of(
                  "hours_since_last_run",
                  "ingestion_quality_score",
                  "ingestion_stale_ratio",
                  "ingestion_error_rate"),
          "fleet",
              List.of(
                  "buywhere_scraper_status",
                  "fleet_unhealthy_ratio",
                  "fleet_error_concentration",
                  "pg_replication_lag_seconds"),
          "infrastructure",
              List.of(
                  "process_cpu_usage",
                  "db_connection_pool_checked_out",
                  "db_connection_pool_size",
                  "disk_used_ratio",
                  "redis_memory_used_ratio",
                  "buywhere_backup_age_seconds",
                  "catalog_products",
                  "search_index_lag"));

  private final Metrics metrics;
  private final Supplier<? extends List<?>> incidents;
  private final String html;

  public StatusPageRoutes(Metrics metrics) {
    this(metrics, null);
  }

  /**
   * @param incidents the incidents panel's rows (open and recently resolved incidents, already in
   *     wire shape); null leaves the {@code incidents} key out of {@code /status.json}
   */
  public StatusPageRoutes(Metrics metrics, Supplier<? extends List<?>> incidents) {
    this.metrics = metrics;
    this.incidents = incidents;
    try (InputStream in = StatusPageRoutes.class.getResourceAsStream("/ops/status.html")) {
      this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.get(
        PATHS.get(0), ctx -> ctx.contentType("text/html; charset=utf-8").result(html));
    config.routes.get(PATHS.get(1), this::json);
  }

  private void json(Context ctx) throws IOException {
    Map<String, Object> panels = new LinkedHashMap<>();
    PANELS.forEach(
        (panel, names) -> {
          Map<String, Object> series = new LinkedHashMap<>();
          for (String name : names) {
            series.put(name, read(name));
          }
          panels.put(panel, series);
        });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("panels", panels);
    if (incidents != null) {
      body.put("incidents", incidents.get());
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(Json.mapper().writeValueAsString(body));
  }

  /** Every series of a meter: {@code [{labels:{…}, value: n}]}; NaN/absent values are null. */
  private List<Map<String, Object>> read(String name) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Meter m : metrics.registry().find(name).meters()) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (Tag t : m.getId().getTags()) {
        labels.put(t.getKey(), t.getValue());
      }
      Double value = null;
      for (Measurement ms : m.measure()) {
        value = Double.isFinite(ms.getValue()) ? ms.getValue() : null;
        break;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("labels", labels);
      row.put("value", value);
      out.add(row);
    }
    return out;
  }
}
