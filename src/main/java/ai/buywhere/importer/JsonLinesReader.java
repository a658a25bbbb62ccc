package ai.buywhere.importer;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** JSON Lines: one JSON object per line; blank lines are skipped. */
final class JsonLinesReader implements RecordReader {
  private final ObjectMapper mapper = Json.mapper();
  private final BufferedReader reader;
  private long line;

  JsonLinesReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public RawRecord next() throws IOException {
    String text;
    while ((text = reader.readLine()) != null) {
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      if (line == 1 && text.stripLeading().startsWith("[")) {
        throw new ImportException(
            "line 1 starts a JSON array; JSON Lines needs one JSON object per line");
      }
      try {
        JsonNode node = mapper.readTree(text);
        if (node instanceof ObjectNode object) {
          return RawRecord.ok(line, object);
        }
        return RawRecord.malformed(line, "not a JSON object");
      } catch (JsonProcessingException e) {
        return RawRecord.malformed(line, "malformed JSON: " + e.getOriginalMessage());
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
