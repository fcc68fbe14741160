package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.broker.Broker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** A client that stops reading is dropped at its outbox bound, and never delays anyone else. */
class SlowConsumerTest extends IntegrationTest {

    @Autowired
    Broker broker;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aStalledClientIsDroppedWhileOthersGetEveryMessage() {
        String destination = "/topic/live/" + uniqueName("busy") + "/chat";
        String padding = "x".repeat(2000);
        int messages = 12000;
        try (RawStompClient fast = RawStompClient.open(port); RawStompClient stalled = RawStompClient.open(port)) {
            for (RawStompClient c : new RawStompClient[] {fast, stalled}) {
                c.connect(null);
                c.send("SUBSCRIBE", null, "id", "s", "destination", destination, "receipt", "r");
                c.expect("RECEIPT");
            }
            stalled.stopReading();
            double droppedBefore = dropped();
            Flux.range(0, messages)
                    .concatMap(i -> broker.publish(destination, "{\"n\":" + i + ",\"pad\":\"" + padding + "\"}"), 32)
                    .blockLast();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < messages; i++) {
                Frame frame = fast.expect("MESSAGE");
                seen.add(frame.header("x-stream-id"));
            }
            assertThat(seen).hasSize(messages);
            // dropped as a slow consumer (frames waiting past a bound), or as silent if the kernel's socket buffers took
            // the backlog and the client, not reading, answered no ping: either way it is gone, and counted
            org.awaitility.Awaitility.await("the stalled client is dropped").atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> dropped() > droppedBefore);
            stalled.resumeReading();
            int code = stalled.awaitClose();
            if (code == -1) {
                assertThat(stalled.error()).as("closed without reading its backlog: reset").isInstanceOf(java.io.IOException.class);
            } else {
                assertThat(code).as("closed with policy violation once it reads its backlog").isEqualTo(1008);
            }
        }
    }

    private double dropped() {
        return meters.counter("livehall.realtime.slow.consumers.dropped").count()
                + meters.counter("livehall.realtime.silent.connections.closed").count();
    }

    @Test
    void refusesHandshakesFromForeignOrigins() {
        assertThatThrownBy(() -> RawStompClient.open(port, "https://evil.example")).rootCause().hasMessageContaining("403");
        try (RawStompClient devServer = RawStompClient.open(port, "http://localhost:5173")) {
            assertThat(devServer.connect(null).command()).isEqualTo("CONNECTED");
        }
    }
}
