package ai.buywhere.catalog.demo;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One product model of the demo catalog as described in {@code /demo/models.jsonl}: what it is, its
 * reference USD price and in which markets it is sold. Offers at merchants derive from it.
 */
record DemoModel(
    String brand,
    String model,
    String title,
    String category,
    double usd,
    String markets,
    Map<String, Object> specs,
    Map<String, Object> compare) {

  static final String RESOURCE = "/demo/models.jsonl";

  List<String> categoryPath() {
    return Arrays.stream(category.split(">")).map(String::trim).toList();
  }

  List<String> marketList() {
    return Arrays.stream(markets.split(",")).map(String::trim).toList();
  }

  static List<DemoModel> load() {
    ObjectMapper mapper = Json.mapper();
    List<DemoModel> out = new ArrayList<>();
    try (InputStream in = DemoModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(mapper.readValue(line, DemoModel.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return out;
  }
}
