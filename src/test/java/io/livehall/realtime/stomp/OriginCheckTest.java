package io.livehall.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.livehall.EnvironmentBinding;
import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws} accepts browsers only from the configured origins (loopback by default), never an Origin merely because
 * it equals the Host header: an attacker's page (DNS rebinding, a proxy passing its Host on) can make them equal.
 */
class OriginCheckTest extends IntegrationTest {

    @Test
    void anOriginEqualToAForgedHostIsRefused() throws IOException {
        assertThat(handshake("evil.example:" + port, "http://evil.example:" + port)).startsWith("HTTP/1.1 403");
        assertThat(handshake("evil.example", "http://evil.example")).startsWith("HTTP/1.1 403");
    }

    @Test
    void theConfiguredOriginsAreAccepted() throws IOException {
        assertThat(handshake("127.0.0.1:" + port, "http://127.0.0.1:" + port)).startsWith("HTTP/1.1 101");
        assertThat(handshake("localhost:" + port, "http://localhost:5173")).startsWith("HTTP/1.1 101");
        assertThat(handshake("127.0.0.1:" + port, null)).startsWith("HTTP/1.1 101"); // not a browser
    }

    @Test
    void originPatterns() {
        List<String> allowed = List.of("https://hall.example.com", "http://localhost:*");
        assertThat(StompRoute.originAllowed("https://hall.example.com", allowed)).isTrue();
        assertThat(StompRoute.originAllowed("HTTPS://Hall.Example.com", allowed)).isTrue();
        assertThat(StompRoute.originAllowed("http://hall.example.com", allowed)).isFalse();
        assertThat(StompRoute.originAllowed("https://hall.example.com.evil.example", allowed)).isFalse();
        assertThat(StompRoute.originAllowed("http://localhost:5173", allowed)).isTrue();
        assertThat(StompRoute.originAllowed("http://localhost", allowed)).isTrue();
        assertThat(StompRoute.originAllowed("http://localhost.evil.example", allowed)).isFalse();
        assertThat(StompRoute.originAllowed("http://localhost:80@evil.example", allowed)).isFalse();
        assertThat(StompRoute.originAllowed("null", allowed)).isFalse();
        assertThat(StompRoute.originAllowed("https://anything", List.of("*"))).isTrue();
    }

    @Test
    void allowedOriginsComeFromTheEnvironmentAndDefaultToLoopback() {
        RealtimeSettings configured = EnvironmentBinding.bind("livehall.realtime", RealtimeSettings.class,
                Map.of("LIVEHALL_REALTIME_ALLOWED_ORIGINS", "https://hall.example.com,https://www.hall.example.com"));
        assertThat(configured.allowedOrigins()).containsExactly("https://hall.example.com", "https://www.hall.example.com");
        assertThat(EnvironmentBinding.bind("livehall.realtime", RealtimeSettings.class, Map.of()).allowedOrigins())
                .containsExactly("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");
    }

    /** A WebSocket handshake with exactly these Host and Origin headers; answers the status line. */
    private String handshake(String host, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Protocol: v12.stomp\r\n");
            if (origin != null) {
                request.append("Origin: ").append(origin).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
