package ai.buywhere.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark query stream: dev rows of {@code queries-bestbuy.tsv}, drawn with probability
 * proportional to {@code popularity} from a fixed seed, so every run (and both engines in a run)
 * sees the same sequence.
 */
final class QueryMix {
  static final long SEED = 20_261_122L;

  private QueryMix() {}

  /** {@code n} queries sampled from the dev rows of the TSV, popularity-weighted, seeded. */
  static List<String> sample(Path tsv, int n, long seed) throws IOException {
    List<String> queries = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    for (String line : Files.readAllLines(tsv)) {
      String[] f = line.split("\t");
      if (f.length < 5 || f[0].equals("query") || !f[4].trim().equals("dev")) {
        continue;
      }
      queries.add(f[0]);
      weights.add(Math.max(1L, Long.parseLong(f[1].trim())));
    }
    long[] cumulative = new long[weights.size()];
    long total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += weights.get(i);
      cumulative[i] = total;
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long pick = random.nextLong(total);
      int idx = java.util.Arrays.binarySearch(cumulative, pick + 1);
      out.add(queries.get(idx >= 0 ? idx : -idx - 1));
    }
    return out;
  }
}
