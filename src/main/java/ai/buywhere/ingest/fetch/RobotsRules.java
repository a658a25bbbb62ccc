package ai.buywhere.ingest.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed robots.txt (RFC 9309) for one user agent: the group naming our product token, else the
 * {@code *} group. Longest matching rule wins, {@code Allow} on ties; {@code *} and {@code $}
 * wildcards are supported. {@code Crawl-delay} is kept (a de-facto extension) and raises the
 * per-host delay. Immutable.
 */
final class RobotsRules {
  static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);
  static final RobotsRules DISALLOW_ALL =
      new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*"))), null);

  private record Rule(boolean allow, String path, Pattern pattern) {}

  private final List<Rule> rules;
  private final Duration crawlDelay;

  private RobotsRules(List<Rule> rules, Duration crawlDelay) {
    this.rules = rules;
    this.crawlDelay = crawlDelay;
  }

  static RobotsRules parse(String text, String userAgent) {
    String token = userAgent.split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    List<Rule> mine = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    Duration myDelay = null;
    Duration starDelay = null;
    boolean inMine = false;
    boolean inStar = false;
    boolean mineSeen = false;
    boolean lastWasAgent = false;
    for (String rawLine : text.split("\\r?\\n|\\r")) {
      String line = rawLine.replaceFirst("#.*", "").trim();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (key.equals("user-agent")) {
        if (!lastWasAgent) {
          inMine = false;
          inStar = false;
        }
        String ua = value.toLowerCase(Locale.ROOT);
        if (ua.equals("*")) {
          inStar = true;
        } else if (!ua.isEmpty() && token.startsWith(ua.split("/")[0])) {
          inMine = true;
          mineSeen = true;
        }
        lastWasAgent = true;
        continue;
      }
      lastWasAgent = false;
      if (key.equals("allow") || key.equals("disallow")) {
        if (value.isEmpty()) {
          continue;
        }
        Rule r = new Rule(key.equals("allow"), value, compile(value));
        if (inMine) {
          mine.add(r);
        }
        if (inStar) {
          star.add(r);
        }
      } else if (key.equals("crawl-delay")) {
        Duration d = parseDelay(value);
        if (inMine) {
          myDelay = d;
        }
        if (inStar) {
          starDelay = d;
        }
      }
    }
    return mineSeen ? new RobotsRules(mine, myDelay) : new RobotsRules(star, starDelay);
  }

  private static Duration parseDelay(String v) {
    try {
      double s = Double.parseDouble(v);
      return s > 0 ? Duration.ofMillis((long) (Math.min(s, 60) * 1000)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Pattern compile(String path) {
    StringBuilder re = new StringBuilder();
    boolean anchored = path.endsWith("$");
    String p = anchored ? path.substring(0, path.length() - 1) : path;
    for (String part : p.split("\\*", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re + (anchored ? "" : ".*"));
  }

  /** Whether {@code pathAndQuery} (starting with '/') may be fetched. */
  boolean allowed(String pathAndQuery) {
    Rule best = null;
    for (Rule r : rules) {
      if (r.pattern().matcher(pathAndQuery).matches()
          && (best == null
              || r.path().length() > best.path().length()
              || (r.path().length() == best.path().length() && r.allow()))) {
        best = r;
      }
    }
    return best == null || best.allow();
  }

  Optional<Duration> crawlDelay() {
    return Optional.ofNullable(crawlDelay);
  }
}
