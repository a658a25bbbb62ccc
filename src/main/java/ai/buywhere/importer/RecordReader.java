package ai.buywhere.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the records of one file, one at a time: never holds more than the current record. A
 * record that cannot be parsed comes back as {@link RawRecord#malformed}; an {@link IOException}
 * means the file itself cannot be read further.
 */
interface RecordReader extends Closeable {
  /** The next record, or null at the end of the file. */
  RawRecord next() throws IOException;

  static RecordReader open(ImportFormat format, InputStream in) throws IOException {
    return format == ImportFormat.CSV ? new CsvRecordReader(in) : new JsonLinesReader(in);
  }
}
