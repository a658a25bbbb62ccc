package ai.buywhere.ops.incidents;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP receiver standing in for Slack webhooks and PagerDuty's Events API. */
final class Receiver implements AutoCloseable {
  record Post(String path, JsonNode body) {}

  final List<Post> posts = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          posts.add(
              new Post(ex.getRequestURI().getPath(), Json.mapper().readTree(ex.getRequestBody())));
          ex.sendResponseHeaders(202, -1);
          ex.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Post> at(String path) {
    return posts.stream().filter(p -> p.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
