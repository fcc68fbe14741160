package io.livehall.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing: 10,000 generated frames (valid and invalid commands, escaped and broken headers,
 * wrong content-lengths, missing NULs, odd bytes) each sent after CONNECT on its own connection, followed
 * by a DISCONNECT with a receipt. Every connection must end with an ERROR then close, or with the RECEIPT
 * then close (or, for a frame still incomplete, with the server waiting for the rest); the server must never
 * fail internally and stays healthy for the next client. A failure names the frame that caused it.
 */
class FrameFuzzTest extends IntegrationTest {

    private static final int FRAMES = 10_000;

    @Test
    void survivesTenThousandGeneratedFrames() throws Exception {
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger receipts = new AtomicInteger();
        AtomicInteger waiting = new AtomicInteger();
        java.util.Iterator<String> generated = frames().sampleStream().limit(FRAMES).iterator();
        while (generated.hasNext()) {
            String frame = generated.next();
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(null);
                client.send(frame);
                // twice: an unterminated frame swallows the first DISCONNECT into its body
                trySend(client, "DISCONNECT\nreceipt:fuzz-end\n\n\0");
                trySend(client, "DISCONNECT\nreceipt:fuzz-end\n\n\0");
                Frame answer = client.poll(Duration.ofMillis(700));
                while (answer != null && answer.command().equals("MESSAGE")) {
                    answer = client.poll(Duration.ofMillis(700));
                }
                String shown = frame.replace("\0", "\\0").replace("\n", "\\n");
                if (answer == null && client.isClosed()) {
                    // only a DISCONNECT without receipt ends a connection without a word
                    assertThat(frame).as("silently closed after %s", shown).startsWith("DISCONNECT\n");
                    receipts.incrementAndGet();
                } else if (answer == null) {
                    // a frame still incomplete (e.g. its content-length not yet reached): the server waits for it
                    waiting.incrementAndGet();
                } else if (answer.command().equals("ERROR")) {
                    assertThat(answer.header("message")).as("for %s", shown).isNotEqualTo("Internal error");
                    if (errors.incrementAndGet() % 100 == 0) {
                        // like real clients the fuzzer closes on ERROR; every 100th waits for the server to close
                        assertThat(client.awaitClose()).as("closed after ERROR for %s", shown).isEqualTo(1002);
                    }
                } else {
                    assertThat(answer.command()).as("for %s", shown).isEqualTo("RECEIPT");
                    receipts.incrementAndGet();
                }
            }
        }
        assertThat(errors.get() + receipts.get() + waiting.get()).isEqualTo(FRAMES);
        assertThat(errors.get()).isGreaterThan(FRAMES / 10);
        assertThat(waiting.get()).isLessThan(FRAMES / 20);
        try (RawStompClient healthy = RawStompClient.open(port)) {
            assertThat(healthy.connect(null).command()).isEqualTo("CONNECTED");
        }
    }

    private static void trySend(RawStompClient client, String frame) {
        try {
            client.send(frame);
        } catch (RuntimeException closedAlready) {
            // the server answered ERROR and closed: nothing more to send
        }
    }

    /** Any text a client can encode (no lone surrogates): ASCII, CJK, controls and NUL. */
    private static net.jqwik.api.arbitraries.StringArbitrary text() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u4e2f')
                .withChars('\n', '\r', '\0', '\t', '\\', ':');
    }

    static Arbitrary<String> frames() {
        Arbitrary<String> command = Arbitraries.oneOf(
                Arbitraries.of("SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK", "BEGIN", "COMMIT", "ABORT",
                        "CONNECT", "STOMP", "DISCONNECT", "MESSAGE", "send", ""),
                text().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> headerName = Arbitraries.oneOf(
                Arbitraries.of("destination", "id", "receipt", "ack", "content-length", "content-type",
                        "x-replay-since", "transaction", "heart-beat"),
                Arbitraries.strings().withChars("abc:\\\r\n-").ofMaxLength(8));
        Arbitrary<String> headerValue = Arbitraries.oneOf(
                Arbitraries.of("/topic/live/1/chat", "/app/live/1/chat", "/app/live/1/like", "/topic/dashboard/x",
                        "/user/queue/errors", "/topic/bench", "client", "auto", "0", "-1", "99999", "abc", "1-0", ""),
                Arbitraries.strings().withChars("ab\\c:n\r\n\u4e2d\u0000").ofMaxLength(12));
        Arbitrary<List<String>> headers = Combinators.combine(headerName, headerValue).as((n, v) -> n + ":" + v)
                .list().ofMaxSize(5);
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.of("", "{}", "{\"text\":\"hi\"}", "{\"count\":3}", "not json"),
                text().ofMaxLength(40));
        Arbitrary<Boolean> terminated = Arbitraries.of(true, true, true, false);
        return Combinators.combine(command, headers, body, terminated).as((c, h, b, end) ->
                c + "\n" + String.join("\n", h) + (h.isEmpty() ? "" : "\n") + "\n" + b + (end ? "\0" : ""));
    }
}
