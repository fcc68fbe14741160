package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.broker.Broker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coalesced topic (a training room's Q&A here) reaches each subscriber at most twice a second (frames 550 ms apart), even when
 * messages arrive faster (a late fan-out followed by one on time): the newer waits in the subscriber's outbox and only
 * the newest goes out.
 */
class CoalescedSpacingTest extends IntegrationTest {

    @Autowired
    Broker broker;

    @Test
    void aSubscriberGetsACoalescedTopicAtMostTwiceASecondAndTheNewestValue() throws Exception {
        String destination = "/topic/training/" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L) + "/qa";
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.send("SUBSCRIBE", null, "id", "q", "destination", destination, "receipt", "r");
            viewer.expect("RECEIPT");
            for (int n = 1; n <= 5; n++) {
                broker.publish(destination, Map.of("n", n)).block(Duration.ofSeconds(5));
            }
            Frame first = viewer.expect("MESSAGE");
            long firstSeen = System.nanoTime();
            Frame second = viewer.expect("MESSAGE");
            Duration gap = Duration.ofNanos(System.nanoTime() - firstSeen);
            assertThat(first.body()).contains("\"n\":1");
            assertThat(second.body()).as("2–4 were replaced while waiting").contains("\"n\":5");
            assertThat(gap).as("held back until 550 ms after the first").isGreaterThanOrEqualTo(Duration.ofMillis(450));
            assertThat(viewer.poll(Duration.ofMillis(800))).as("nothing else").isNull();
        }
    }
}
