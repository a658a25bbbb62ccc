package ai.buywhere.ingest.source;

import ai.buywhere.ingest.Source;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Source selection by glob ({@code *}, {@code ?}). A glob matches a source when it matches its id
 * ({@code bestbuy_us}, {@code *_us}) or the region- or country-first alias ({@code us_bestbuy}), so
 * the runbook's {@code "us_*"} selects every US source.
 */
public final class Globs {
  private Globs() {}

  public static boolean matches(String glob, Source s) {
    Pattern p = compile(glob.trim().toLowerCase(Locale.ROOT));
    String merchant = s.merchant();
    return p.matcher(s.id()).matches()
        || p.matcher(s.region() + "_" + merchant).matches()
        || p.matcher(s.countryCode().toLowerCase(Locale.ROOT) + "_" + merchant).matches();
  }

  public static boolean matchesAny(List<String> globs, Source s) {
    return globs.stream().anyMatch(g -> matches(g, s));
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
