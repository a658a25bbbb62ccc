package ai.buywhere.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * CSV with a header row naming the fields (RFC 4180 quoting; quoted cells may span lines). Every
 * cell is text; empty cells count as absent. A row with more cells than the header is a malformed
 * record, and reading resumes at the next row.
 */
final class CsvRecordReader implements RecordReader {
  private final MappingIterator<JsonNode> rows;
  private boolean headerChecked;

  CsvRecordReader(InputStream in) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    this.rows =
        mapper
            .readerFor(JsonNode.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  @Override
  public RawRecord next() throws IOException {
    try {
      if (!hasNext()) {
        if (!headerChecked) {
          checkHeader();
        }
        return null;
      }
    } catch (RuntimeJsonMappingException e) {
      throw new ImportException("unreadable CSV: " + message(e));
    }
    if (!headerChecked) {
      checkHeader();
    }
    JsonLocation at = rows.getParser().currentTokenLocation();
    // a row's START_OBJECT is reported where the previous row (or the header) ended
    long line = at.getLineNr() + 1;
    try {
      JsonNode row = rows.nextValue();
      if (row instanceof ObjectNode object) {
        ObjectNode normalised = object.objectNode();
        object
            .fields()
            .forEachRemaining(
                e -> normalised.set(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue()));
        return RawRecord.ok(line, normalised);
      }
      return RawRecord.malformed(line, "not a CSV row");
    } catch (RuntimeJsonMappingException e) {
      return RawRecord.malformed(line, "malformed CSV row: " + message(e));
    } catch (CsvReadException e) {
      // a row-level problem (too many cells): the iterator resyncs to the next row
      return RawRecord.malformed(line, "malformed CSV row: " + e.getOriginalMessage());
    }
  }

  /** A quoting error cannot be skipped safely in CSV: it fails the file, naming the line. */
  private boolean hasNext() throws IOException {
    try {
      return rows.hasNextValue();
    } catch (JsonProcessingException e) {
      throw new ImportException(
          "unreadable CSV at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  private static String message(RuntimeJsonMappingException e) {
    return e.getCause() instanceof JsonProcessingException p
        ? p.getOriginalMessage()
        : e.getMessage();
  }

  private void checkHeader() {
    headerChecked = true;
    CsvSchema schema = ((CsvParser) rows.getParser()).getSchema();
    Set<String> names = new HashSet<>();
    schema.forEach(c -> names.add(c.getName().trim().toLowerCase(Locale.ROOT)));
    if (names.isEmpty()) {
      throw new ImportException("empty CSV file: no header row");
    }
    if (!names.contains("title") && !names.contains("name")) {
      throw new ImportException(
          "CSV header has no title (or name) column; header was: " + String.join(",", names));
    }
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
