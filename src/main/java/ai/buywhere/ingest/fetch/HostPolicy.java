package ai.buywhere.ingest.fetch;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs may be fetched: http/https only, and hosts whose addresses are loopback, private (RFC
 * 1918, fc00::/7), link-local, carrier-grade NAT or unspecified are refused unless the host name or
 * one of its addresses is allow-listed ({@code INGEST_ALLOWED_HOSTS}: host names, single addresses
 * or CIDRs). Checked before every request and every redirect hop. The check resolves the name
 * itself; a DNS answer that changes between check and connect is not covered.
 */
final class HostPolicy {
  private final List<String> allowed;

  HostPolicy(List<String> allowed) {
    this.allowed = allowed.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  void check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("refused " + uri + ": only http and https URLs are fetched");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new FetchException("refused " + uri + ": no host");
    }
    String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
    if (allowed.contains(h)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(h);
    } catch (UnknownHostException e) {
      throw new FetchException("cannot resolve host " + h, 0, e);
    }
    for (InetAddress a : addresses) {
      if (restricted(a) && !allowedAddress(a)) {
        throw new FetchException(
            "refused "
                + uri
                + ": "
                + a.getHostAddress()
                + " is a private or loopback address (allow it with INGEST_ALLOWED_HOSTS)");
      }
    }
  }

  static boolean restricted(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return (first == 100 && second >= 64 && second < 128) || first == 0 || first >= 240;
    }
    return (b[0] & 0xfe) == 0xfc;
  }

  private boolean allowedAddress(InetAddress a) {
    for (String entry : allowed) {
      if (entry.equals(a.getHostAddress().toLowerCase(Locale.ROOT)) || inCidr(a, entry)) {
        return true;
      }
    }
    return false;
  }

  static boolean inCidr(InetAddress a, String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    try {
      InetAddress net = InetAddress.getByName(cidr.substring(0, slash));
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      byte[] x = a.getAddress();
      byte[] y = net.getAddress();
      if (x.length != y.length || bits < 0 || bits > x.length * 8) {
        return false;
      }
      int shift = x.length * 8 - bits;
      return new BigInteger(1, x).shiftRight(shift).equals(new BigInteger(1, y).shiftRight(shift));
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }
}
