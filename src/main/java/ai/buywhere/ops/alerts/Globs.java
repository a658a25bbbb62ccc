package ai.buywhere.ops.alerts;

import java.util.regex.Pattern;

/** Shell-style globs ({@code *} any run, {@code ?} one character) for label matchers. */
final class Globs {
  private Globs() {}

  static boolean matches(String glob, String value) {
    return Pattern.compile(toRegex(glob)).matcher(value).matches();
  }

  /** The equivalent regular expression, also used for PromQL {@code =~} matchers. */
  static String toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> {
          if ("\\.[]{}()+^$|".indexOf(c) >= 0) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }
}
