package ai.buywhere.cli;

import ai.buywhere.catalog.RejectReason;
import ai.buywhere.importer.ImportException;
import ai.buywhere.importer.ImportListener;
import ai.buywhere.importer.Rejection;
import ai.buywhere.shared.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code import} shows while it runs: a progress bar over the file's bytes on stderr (only on
 * a terminal or with {@code --progress}), the first N rejections on stderr, and every rejection as
 * one JSON line in the {@code --rejects} file.
 */
final class ImportConsole implements ImportListener, AutoCloseable {
  private final PrintWriter err;
  private final int show;
  private final boolean withBar;
  private final BufferedWriter rejectsOut;
  private ProgressBar bar;
  private long shown;

  ImportConsole(PrintWriter err, Path rejects, int show, boolean withBar) {
    this.err = err;
    this.show = show;
    this.withBar = withBar;
    try {
      this.rejectsOut =
          rejects == null ? null : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ImportException("cannot write --rejects file " + rejects + ": " + e.getMessage());
    }
  }

  void start(Path file) {
    if (!withBar) {
      return;
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = -1;
    }
    bar =
        new ProgressBarBuilder()
            .setTaskName("import")
            .setInitialMax(size)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" MiB", 1 << 20)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  @Override
  public void progress(long bytesRead, long recordsRead, long written, long rejected) {
    if (bar != null) {
      bar.stepTo(bytesRead);
      bar.setExtraMessage(" " + written + " written, " + rejected + " rejected");
    }
  }

  @Override
  public void rejected(Rejection r) {
    if (shown < show) {
      shown++;
      String reasons =
          r.reasons().stream().map(RejectReason::toString).collect(Collectors.joining("; "));
      err.printf(
          "rejected line %d%s: %s%n",
          r.line(), r.sku() == null ? "" : " (sku " + r.sku() + ")", reasons);
    }
    if (rejectsOut != null) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("line", r.line());
      row.put("sku", r.sku());
      row.put("reasons", r.reasons());
      try {
        rejectsOut.write(Json.mapper().writeValueAsString(row));
        rejectsOut.newLine();
      } catch (IOException e) {
        throw new ImportException("cannot write --rejects file: " + e.getMessage(), e);
      }
    }
  }

  void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  @Override
  public void close() {
    finish();
    err.flush();
    if (rejectsOut != null) {
      try {
        rejectsOut.close();
      } catch (IOException e) {
        throw new ImportException("cannot write --rejects file: " + e.getMessage(), e);
      }
    }
  }
}
