package ai.buywhere.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  final TrustedProxies proxies =
      TrustedProxies.parse("TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.1, ::1");

  @Test
  void forwardedForIsIgnoredFromUntrustedPeers() {
    assertThat(proxies.clientIp("203.0.113.1", "1.2.3.4")).isEqualTo("203.0.113.1");
    assertThat(TrustedProxies.none().clientIp("10.0.0.1", "1.2.3.4")).isEqualTo("10.0.0.1");
  }

  @Test
  void rightMostUntrustedHopIsTheClient() {
    assertThat(proxies.clientIp("10.1.2.3", "1.2.3.4")).isEqualTo("1.2.3.4");
    // a client cannot spoof by prepending: the right-most untrusted address wins
    assertThat(proxies.clientIp("10.1.2.3", "6.6.6.6, 1.2.3.4, 10.9.9.9")).isEqualTo("1.2.3.4");
    assertThat(proxies.clientIp("192.168.1.1", "5.5.5.5")).isEqualTo("5.5.5.5");
    assertThat(proxies.clientIp("192.168.1.2", "5.5.5.5")).isEqualTo("192.168.1.2");
    assertThat(proxies.clientIp("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    // garbage in the header stops the walk at the last good hop
    assertThat(proxies.clientIp("10.1.2.3", "not-an-ip")).isEqualTo("10.1.2.3");
    assertThat(proxies.clientIp("10.1.2.3", "1.2.3.4, evil.example.com")).isEqualTo("10.1.2.3");
  }

  @Test
  void onlyLiteralsAreAccepted() {
    assertThat(TrustedProxies.literal("localhost")).isEmpty();
    assertThat(TrustedProxies.literal("[::1]")).isPresent();
    assertThat(TrustedProxies.literal("999.1.1.1")).isEmpty();
  }
}
