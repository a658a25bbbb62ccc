package ai.buywhere.importer;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.catalog.RejectReason;
import ai.buywhere.catalog.WriteResult;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams one file into the catalog. Memory is bounded by one chunk: records are read one at a
 * time, and every {@code chunkSize} valid records are written in one {@link CatalogWriter}
 * transaction. A crash therefore leaves whole chunks only, and re-running the same file finishes
 * the job (rows already written count as unchanged).
 */
public final class ProductImporter {
  private final CatalogWriter writer;
  private final ProductValidator validator;
  private final Clock clock;
  private final int chunkSize;

  /** {@code chunkSize} should not exceed the writer's own chunk size (one transaction each). */
  public ProductImporter(
      CatalogWriter writer, ProductValidator validator, Clock clock, int chunkSize) {
    if (chunkSize < 1) {
      throw new ImportException("chunk size must be at least 1, got " + chunkSize);
    }
    this.writer = writer;
    this.validator = validator;
    this.clock = clock;
    this.chunkSize = chunkSize;
  }

  public ImportReport run(
      Path file, ImportFormat format, ImportDefaults defaults, ImportListener listener) {
    long started = clock.millis();
    FieldMapping mapping = new FieldMapping(defaults);
    Counts c = new Counts();
    List<ProductInput> chunk = new ArrayList<>(chunkSize);
    try (CountingInputStream raw = new CountingInputStream(open(file));
        RecordReader reader = RecordReader.open(format, decompress(raw, file))) {
      RawRecord rec;
      while ((rec = reader.next()) != null) {
        c.read++;
        ProductInput input = accept(rec, mapping, c, listener);
        if (input != null) {
          chunk.add(input);
          if (chunk.size() == chunkSize) {
            flush(chunk, c);
            listener.progress(raw.count, c.read, c.written(), c.rejected);
          }
        }
      }
      flush(chunk, c);
      listener.progress(raw.count, c.read, c.written(), c.rejected);
    } catch (IOException e) {
      flush(chunk, c);
      throw new ImportException(
          "cannot read "
              + file
              + " after "
              + c.read
              + " records ("
              + c.written()
              + " written): "
              + describe(e),
          e);
    }
    return new ImportReport(
        c.read,
        c.inserted,
        c.updated,
        c.unchanged,
        c.rejected,
        c.lastSeq,
        Duration.ofMillis(clock.millis() - started));
  }

  private ProductInput accept(
      RawRecord rec, FieldMapping mapping, Counts c, ImportListener listener) {
    if (rec.parseError() != null) {
      c.rejected++;
      listener.rejected(
          new Rejection(
              rec.line(), null, List.of(new RejectReason("malformed", "", rec.parseError()))));
      return null;
    }
    FieldMapping.Mapped mapped = mapping.map(rec.fields());
    List<RejectReason> reasons = new ArrayList<>(mapped.problems());
    reasons.addAll(validator.validate(mapped.input()));
    if (!reasons.isEmpty()) {
      c.rejected++;
      listener.rejected(new Rejection(rec.line(), mapped.input().sku(), List.copyOf(reasons)));
      return null;
    }
    return mapped.input();
  }

  private void flush(List<ProductInput> chunk, Counts c) {
    if (chunk.isEmpty()) {
      return;
    }
    WriteResult r = writer.write(chunk);
    c.inserted += r.inserted();
    c.updated += r.updated();
    c.unchanged += r.unchanged();
    c.lastSeq = Math.max(c.lastSeq, r.lastSeq());
    chunk.clear();
  }

  private static InputStream open(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ImportException(file + " is a directory, not a product file");
      }
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ImportException("no such file: " + file, e);
    } catch (IOException e) {
      throw new ImportException("cannot open " + file + ": " + describe(e), e);
    }
  }

  /** Gzip is recognised by its magic bytes, whatever the file is called. */
  private static InputStream decompress(InputStream raw, Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    if (file.getFileName().toString().endsWith(".gz")) {
      throw new ImportException(file + " is named .gz but is not in gzip format");
    }
    return in;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static final class Counts {
    long read;
    long inserted;
    long updated;
    long unchanged;
    long rejected;
    long lastSeq;

    long written() {
      return inserted + updated + unchanged;
    }
  }

  /** Counts the file's bytes as read, for progress over a compressed file. */
  private static final class CountingInputStream extends FilterInputStream {
    volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
