package ai.buywhere.ingest.api;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import ai.buywhere.ingest.run.BatchProcessor;
import ai.buywhere.ingest.run.PushIngest;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/ingest/products} with {@code {"source": "acme_us", "products": [...]}} (at most
 * 1,000). Answers 200 with the run id, counts and one result per row ({@code accepted} with the
 * product id, or {@code rejected} with reasons); a batch refused by the gate has every row rejected
 * and {@code batch_rejected} set. 413 above 1,000 rows.
 */
public final class PushRoutes implements RouteModule {
  private final PushIngest push;
  private final PushAuthorizer authorizer;

  public PushRoutes(PushIngest push, PushAuthorizer authorizer) {
    this.push = push;
    this.authorizer = authorizer;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.post("/v1/ingest/products", this::push);
  }

  @SuppressWarnings("unchecked")
  private void push(Context ctx) {
    authorizer.authorize(ctx.header("Authorization"));
    JsonNode body = Bodies.object(ctx.body());
    JsonNode products = body.get("products");
    if (products == null || !products.isArray()) {
      throw ApiException.invalid("products", "must be an array of product objects");
    }
    List<Map<String, Object>> rows = new ArrayList<>(products.size());
    for (JsonNode p : products) {
      rows.add(p.isObject() ? Bodies.as(p, Map.class) : null);
    }
    PushIngest.Result r = push.accept(Bodies.text(body, "source"), rows);
    List<Map<String, Object>> results = new ArrayList<>(r.rows().size());
    for (BatchProcessor.RowResult row : r.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", row.index());
      m.put("sku", row.sku());
      m.put("status", row.reasons().isEmpty() ? "accepted" : "rejected");
      m.put("id", row.id());
      m.put("errors", row.reasons());
      results.add(m);
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("received", r.counts().seen());
    counts.put("inserted", r.counts().inserted());
    counts.put("updated", r.counts().updated());
    counts.put("unchanged", r.counts().unchanged());
    counts.put("rejected", r.counts().failed());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", r.runId());
    out.put("counts", counts);
    out.put("batch_rejected", r.rejected().orElse(null));
    out.put("results", results);
    ctx.json(out);
  }
}
