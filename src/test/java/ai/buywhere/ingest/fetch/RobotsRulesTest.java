package ai.buywhere.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
  @Test
  void longestMatchWinsWithWildcards() {
    RobotsRules r =
        RobotsRules.parse(
            "User-agent: *\nDisallow: /*.json$\nDisallow: /cart\nAllow: /cart/public\n# x\n",
            "BuyWhereBot/1.0");
    assertThat(r.allowed("/products.json")).isFalse();
    assertThat(r.allowed("/products.json?page=2")).isTrue();
    assertThat(r.allowed("/cart/123")).isFalse();
    assertThat(r.allowed("/cart/public/x")).isTrue();
    assertThat(r.allowed("/")).isTrue();
  }

  @Test
  void ourGroupOverridesStar() {
    RobotsRules r =
        RobotsRules.parse(
            "User-agent: *\nDisallow: /\n\nUser-agent: OtherBot\nUser-agent: buywherebot\nAllow: /\n",
            "BuyWhereBot/1.0 (+https://buywhere.ai/bot)");
    assertThat(r.allowed("/anything")).isTrue();
  }

  @Test
  void privateRangesAndCidrs() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "192.168.0.1",
          "172.16.5.5",
          "169.254.169.254",
          "100.64.0.1",
          "::1",
          "fd00::1",
          "0.0.0.0"
        }) {
      assertThat(HostPolicy.restricted(InetAddress.getByName(a))).as(a).isTrue();
    }
    assertThat(HostPolicy.restricted(InetAddress.getByName("93.184.216.34"))).isFalse();
    assertThat(HostPolicy.inCidr(InetAddress.getByName("10.9.8.7"), "10.0.0.0/8")).isTrue();
    assertThat(HostPolicy.inCidr(InetAddress.getByName("11.0.0.1"), "10.0.0.0/8")).isFalse();
  }
}
