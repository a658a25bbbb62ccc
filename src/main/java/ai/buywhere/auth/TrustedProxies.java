package ai.buywhere.auth;

import ai.buywhere.app.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the client IP of a request. {@code X-Forwarded-For} is honoured only when the direct peer
 * is a configured trusted proxy ({@code TRUSTED_PROXIES}: IPs or CIDR ranges, comma-separated);
 * then the right-most address that is not itself a trusted proxy is the client. Anyone else could
 * write any address into the header, so it is ignored for them.
 *
 * <p>Only IP literals are accepted, so parsing never performs a DNS lookup. Immutable and
 * thread-safe.
 */
public final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private record Range(byte[] network, int prefixBits) {
    boolean contains(byte[] addr) {
      if (addr.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (addr[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (addr[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** Parses {@code 10.0.0.0/8, 127.0.0.1, ::1}; errors name {@code setting}. */
  public static TrustedProxies parse(String setting, String spec) {
    List<Range> ranges = new ArrayList<>();
    if (spec != null) {
      for (String raw : spec.split(",")) {
        String entry = raw.trim();
        if (entry.isEmpty()) {
          continue;
        }
        String[] parts = entry.split("/", 2);
        byte[] addr =
            literal(parts[0])
                .orElseThrow(
                    () ->
                        new ConfigException(
                            setting
                                + " entries must be IP addresses or CIDR ranges; got '"
                                + entry
                                + "'"))
                .getAddress();
        int bits = addr.length * 8;
        if (parts.length == 2) {
          try {
            bits = Integer.parseInt(parts[1]);
          } catch (NumberFormatException e) {
            bits = -1;
          }
          if (bits < 0 || bits > addr.length * 8) {
            throw new ConfigException(setting + " has an invalid prefix length in '" + entry + "'");
          }
        }
        ranges.add(new Range(addr, bits));
      }
    }
    return new TrustedProxies(ranges);
  }

  /** The address for an IP literal, or empty for anything else (never resolves names). */
  static Optional<InetAddress> literal(String s) {
    String v = s.trim();
    if (v.startsWith("[") && v.endsWith("]")) {
      v = v.substring(1, v.length() - 1);
    }
    if (!IPV4.matcher(v).matches() && !(v.contains(":") && v.matches("[0-9a-fA-F:.%]+"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(v));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  boolean trusted(String ip) {
    return literal(ip)
        .map(a -> ranges.stream().anyMatch(r -> r.contains(a.getAddress())))
        .orElse(false);
  }

  /**
   * The client IP for a request from {@code remoteAddr} carrying {@code forwardedFor} (may be
   * null).
   */
  public String clientIp(String remoteAddr, String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank() || !trusted(remoteAddr)) {
      return remoteAddr;
    }
    String[] hops = forwardedFor.split(",");
    String candidate = remoteAddr;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (literal(hop).isEmpty()) {
        break;
      }
      candidate = hop;
      if (!trusted(hop)) {
        break;
      }
    }
    return candidate;
  }
}
