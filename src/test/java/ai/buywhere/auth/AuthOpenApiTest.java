package ai.buywhere.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiServer;
import ai.buywhere.api.OpenApiRoutes;
import ai.buywhere.store.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route the auth modules serve is in our OpenAPI document. */
class AuthOpenApiTest {
  @TempDir Path dir;

  @Test
  void authAndAdminRoutesAreDocumented() {
    JsonNode paths = OpenApiRoutes.document().get("paths");
    try (AuthTestApp app = new AuthTestApp(Dialect.SQLITE, dir, Map.of(), Clock.systemUTC())) {
      var served =
          app.server.routes().stream()
              .filter(r -> r.path().startsWith("/admin/") || r.path().startsWith("/v1/auth"))
              .filter(r -> !r.path().equals("/admin/probe"))
              .toList();
      assertThat(served).hasSizeGreaterThanOrEqualTo(8);
      for (ApiServer.Route r : served) {
        assertThat(paths.has(r.path())).as(r.path()).isTrue();
        assertThat(paths.get(r.path()).has(r.method().toLowerCase(Locale.ROOT)))
            .as(r.method() + " " + r.path())
            .isTrue();
      }
    }
  }
}
