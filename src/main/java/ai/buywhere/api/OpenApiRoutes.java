package ai.buywhere.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the hand-kept OpenAPI document ({@code openapi/buywhere.yml} on the
 * class path) served as JSON. {@code OpenApiCoverageTest} keeps it true to the routes served.
 */
public final class OpenApiRoutes implements RouteModule {
  public static final String RESOURCE = "/openapi/buywhere.yml";
  private final String json;

  public OpenApiRoutes() {
    try {
      this.json = ApiJson.mapper().writeValueAsString(document());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document as a JSON tree. */
  public static JsonNode document() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(json));
  }
}
