package ai.buywhere.ingest.api;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.fleet.IngestRuntime;
import ai.buywhere.ingest.run.IngestControls;
import ai.buywhere.ingest.run.Run;
import ai.buywhere.ingest.source.SourceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST/GET /admin/sources}, {@code GET /admin/sources/{id}}, {@code POST
 * /admin/ingestion/trigger|pause|resume|stop}, {@code GET /admin/ingestion/runs?source=ID}. Admin
 * authentication is not done here: the auth module's before-handler guards all of {@code /admin/*}
 * and leaves the actor in the {@code buywhere.admin.actor} attribute, which is recorded with each
 * action.
 */
public final class IngestAdminRoutes implements RouteModule {
  static final String ACTOR_ATTRIBUTE = "buywhere.admin.actor";
  private final IngestRuntime ingest;

  public IngestAdminRoutes(IngestRuntime ingest) {
    this.ingest = ingest;
  }

  @Override
  public void configure(JavalinConfig config) {
    var r = config.routes;
    r.get("/admin/sources", this::listSources);
    r.post("/admin/sources", this::addSource);
    r.get("/admin/sources/{id}", this::showSource);
    r.post("/admin/ingestion/trigger", this::trigger);
    r.post("/admin/ingestion/pause", ctx -> control(ctx, "pause"));
    r.post("/admin/ingestion/resume", ctx -> control(ctx, "resume"));
    r.post("/admin/ingestion/stop", ctx -> control(ctx, "stop"));
    r.get("/admin/ingestion/runs", this::runs);
  }

  private Views.SourceView view(Source s) {
    Run last = s.lastRunId() == null ? null : ingest.runs().find(s.lastRunId()).orElse(null);
    return Views.SourceView.of(s, last);
  }

  private void listSources(Context ctx) {
    ctx.json(Map.of("data", ingest.sources().list().stream().map(this::view).toList()));
  }

  private void showSource(Context ctx) {
    String id = ctx.pathParam("id");
    Source s =
        ingest.sources().find(id).orElseThrow(() -> ApiException.notFound("No source " + id));
    ctx.json(Map.of("data", view(s)));
  }

  private void addSource(Context ctx) {
    SourceSpec spec = Bodies.as(Bodies.object(ctx.body()), SourceSpec.class).validate();
    boolean existed = ingest.sources().find(spec.id()).isPresent();
    Source s = ingest.sources().upsert(spec);
    ingest.actions().record(s.id(), existed ? "update" : "register", actor(ctx), null);
    ctx.status(existed ? 200 : 201).json(Map.of("data", view(s)));
  }

  private void trigger(Context ctx) {
    JsonNode body = Bodies.object(ctx.body());
    List<String> globs = Bodies.globs(body, true);
    List<IngestControls.Triggered> t =
        ingest.controls().trigger(globs, "manual", actor(ctx), Bodies.text(body, "reason"));
    if (t.isEmpty()) {
      throw ApiException.notFound("No source matches " + globs);
    }
    List<Map<String, Object>> data =
        t.stream()
            .map(
                x -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("source", x.sourceId());
                  m.put("run_id", x.runId());
                  m.put("created", x.created());
                  m.put("skipped", x.skipped());
                  return m;
                })
            .toList();
    List<String> ids = t.stream().filter(x -> x.runId() != null).map(x -> x.runId()).toList();
    ctx.status(202).json(Map.of("run_ids", ids, "data", data));
  }

  private void control(Context ctx, String action) {
    JsonNode body = Bodies.object(ctx.body());
    List<String> globs = Bodies.globs(body, false);
    String reason = Bodies.text(body, "reason");
    List<String> ids =
        switch (action) {
          case "pause" -> ingest.controls().pause(globs, reason, actor(ctx));
          case "resume" -> ingest.controls().resume(globs, actor(ctx));
          default -> ingest.controls().stop(globs, reason, actor(ctx));
        };
    if (ids.isEmpty()) {
      throw ApiException.notFound("No source matches " + globs);
    }
    ctx.json(Map.of("data", Map.of("action", action, "sources", ids)));
  }

  private void runs(Context ctx) {
    String source = ctx.queryParam("source");
    int limit = 50;
    String l = ctx.queryParam("limit");
    if (l != null) {
      if (!l.matches("\\d{1,4}") || Integer.parseInt(l) < 1 || Integer.parseInt(l) > 500) {
        throw ApiException.invalid("limit", "must be between 1 and 500");
      }
      limit = Integer.parseInt(l);
    }
    if (source != null && ingest.sources().find(source).isEmpty()) {
      throw ApiException.notFound("No source " + source);
    }
    ctx.json(
        Map.of("data", ingest.runs().list(source, limit).stream().map(Views.RunView::of).toList()));
  }

  static String actor(Context ctx) {
    Object a = ctx.attribute(ACTOR_ATTRIBUTE);
    return a == null ? "admin-api" : a.toString();
  }
}
