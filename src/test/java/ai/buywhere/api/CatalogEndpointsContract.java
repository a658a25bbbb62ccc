package ai.buywhere.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The endpoint test kit: the real application graph (database of the subclass's dialect, search
 * index in a temp DATA_DIR, the real server on port 0) with {@link TestCatalog} written through the
 * catalog writer, talked to over real HTTP. The tests themselves live in {@link
 * CatalogEndpointsTests}; subclasses only choose the dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogEndpointsContract {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  abstract Dialect dialect();

  Path dataDir;
  TestDatabases.Created database;
  Application app;
  ApiServer server;
  final TestCatalog catalog = new TestCatalog();

  @BeforeAll
  void startApp() throws Exception {
    dataDir = Files.createTempDirectory("bw-api-test");
    database = TestDatabases.create(dialect(), dataDir);
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    // the catalog endpoints are tested without keys; auth has its own tests (ai.buywhere.auth)
    env.put("ANONYMOUS_ACCESS", "true");
    env.put("ANONYMOUS_RPM", "1000000");
    env.put("ANONYMOUS_DAILY", "1000000");
    if (dialect() == Dialect.POSTGRESQL) {
      env.put("DATABASE_URL", database.config().jdbcUrl());
    }
    app =
        Application.open(Settings.of(env, Map.of()), Clock.fixed(TestCatalog.NOW, ZoneOffset.UTC));
    long seq = catalog.write(app);
    assertThat(app.search().awaitSeq(seq, Duration.ofSeconds(10))).isTrue();
    server = app.apiServer("127.0.0.1", 0).start();
  }

  @AfterAll
  void stopApp() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
  }

  String id(String sku) {
    return catalog.ids.get(sku);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode ok(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + " → " + r.body()).isEqualTo(200);
    return ApiJson.mapper().readTree(r.body());
  }

  JsonNode error(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + " → " + r.body()).isEqualTo(status);
    JsonNode body = ApiJson.mapper().readTree(r.body());
    assertThat(body.at("/error/request_id").asText()).isNotBlank();
    return body.get("error");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }
}
