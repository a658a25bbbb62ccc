package ai.buywhere.bench;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Expands the real catalog deterministically into a larger, synthetic one: every record becomes
 * {@code variants} records with the id suffixed {@code ~vNN}, a variant token {@code vNN} appended
 * to the name and the price perturbed by a fixed per-variant factor (0.85–1.15). Usage: {@code
 * SyntheticCatalog IN.jsonl.gz OUT.jsonl.gz VARIANTS}. The result is labelled synthetic in
 * docs/benchmarks.md: 30 variants of 34,375 products = 1,031,250 products.
 */
public final class SyntheticCatalog {
  private SyntheticCatalog() {}

  public static void main(String[] args) throws Exception {
    int variants = Integer.parseInt(args[2]);
    long written = 0;
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(Path.of(args[0]))),
                    StandardCharsets.UTF_8));
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16),
                    StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        ObjectNode base = (ObjectNode) Json.mapper().readTree(line);
        for (int v = 0; v < variants; v++) {
          ObjectNode n = base.deepCopy();
          String tag = String.format("v%02d", v);
          n.put("id", base.get("id").asText() + "~" + tag);
          n.put("name", base.get("name").asText() + " " + tag);
          if (base.hasNonNull("price")) {
            double factor = 0.85 + 0.3 * ((v * 7919L) % 101) / 100.0;
            n.put("price", Math.round(base.get("price").asDouble() * factor * 100) / 100.0);
          }
          out.write(Json.mapper().writeValueAsString(n));
          out.newLine();
          written++;
        }
      }
    }
    System.out.printf("wrote %d synthetic products to %s%n", written, args[1]);
  }
}
