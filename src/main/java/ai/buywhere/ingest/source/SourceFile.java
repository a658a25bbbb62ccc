package ai.buywhere.ingest.source;

import ai.buywhere.api.ApiException;
import ai.buywhere.ingest.IngestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML file of sources: {@code sources: [ {id, kind, url, country_code, currency,
 * interval_minutes, options: {...}} ]} (or a bare list). Every entry is validated before any is
 * registered; errors name the entry.
 */
public final class SourceFile {
  private SourceFile() {}

  public static List<SourceSpec> read(Path file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode root;
    try {
      root = yaml.readTree(file.toFile());
    } catch (IOException e) {
      throw new IngestException("cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonNode list = root != null && root.has("sources") ? root.get("sources") : root;
    if (list == null || !list.isArray()) {
      throw new IngestException(file + " must hold a list under 'sources:'");
    }
    List<SourceSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        out.add(yaml.treeToValue(list.get(i), SourceSpec.class).validate());
      } catch (ApiException e) {
        throw new IngestException("entry " + (i + 1) + " of " + file + ": " + e.getMessage());
      } catch (IOException e) {
        throw new IngestException("entry " + (i + 1) + " of " + file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
