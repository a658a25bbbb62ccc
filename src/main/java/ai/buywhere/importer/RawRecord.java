package ai.buywhere.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as read from the file, before mapping: either {@code fields} or, for a record that
 * could not be parsed at all, {@code parseError}. {@code line} is the 1-based line where it starts.
 */
record RawRecord(long line, ObjectNode fields, String parseError) {
  static RawRecord ok(long line, ObjectNode fields) {
    return new RawRecord(line, fields, null);
  }

  static RawRecord malformed(long line, String error) {
    return new RawRecord(line, null, error);
  }
}
