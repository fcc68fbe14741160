package io.livehall.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import io.livehall.EnvironmentBinding;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

class ClientAddressTest {

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/auth/login")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return request.build();
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(List.of());
        assertThat(addresses.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotChooseItsAddress() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(addresses.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1"));
        // spoofed, real client, inner proxy; the peer is the outer proxy
        assertThat(addresses.of(from("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("127.0.0.1", "1.2.3.4", "198.51.100.7"))).isEqualTo("198.51.100.7");
        // garbage where an address should be: stop at the last proxy that vouched for something
        assertThat(addresses.of(from("10.0.0.1", "evil.example, 10.0.0.2"))).isEqualTo("10.0.0.2");
        assertThat(addresses.of(from("10.0.0.1", "999.1.1.1"))).isEqualTo("10.0.0.1");
        assertThat(addresses.of(from("10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6RangesAndLiterals() {
        ClientAddress addresses = new ClientAddress(List.of("fd00::/8"));
        assertThat(addresses.of(from("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(addresses.of(from("fe80::1", "2001:db8::5"))).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @Test
    void ipv6AddressesAreCountedByTheirSlash64() {
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.rateLimitKey("2001:db8:1:2:0:0:0:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.rateLimitKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.rateLimitKey("unknown")).isEqualTo("unknown");
    }

    @Test
    void refusesATrustedProxyThatIsNoAddress() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }

    @Test
    void httpSettingsBindFromTheEnvironment() {
        HttpSettings settings = EnvironmentBinding.bind("livehall.http", HttpSettings.class, Map.of(
                "LIVEHALL_HTTP_MAX_BODY_SIZE", "1MB",
                "LIVEHALL_HTTP_TRUSTED_PROXIES", "10.0.0.0/8,127.0.0.1"));
        assertThat(settings).isEqualTo(new HttpSettings(DataSize.ofMegabytes(1), DataSize.ofMegabytes(51),
                List.of("10.0.0.0/8", "127.0.0.1")));
        assertThat(EnvironmentBinding.bind("livehall.http", HttpSettings.class, Map.of()).trustedProxies()).isEmpty();
    }
}
