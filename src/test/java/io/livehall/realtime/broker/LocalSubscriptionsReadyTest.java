package io.livehall.realtime.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * A subscriber is told it is subscribed (the STOMP RECEIPT waits for this) only while its destination's Redis channel
 * is subscribed: a subscriber that joins a destination whose channel failed and is being subscribed again waits
 * for Redis to confirm the new subscription, and then gets what is published. The bus hands out channels whose
 * confirmation the test gives (Redis paths: {@link RedisRestartTest}).
 */
class LocalSubscriptionsReadyTest {

    private static final String CHAT = "/topic/live/7/chat";

    /** Each channel subscription is confirmed when the test says so. */
    private static final class ConfirmedByTest extends RedisBus {
        final List<Sinks.One<Flux<BrokerMessage>>> confirmations = new CopyOnWriteArrayList<>();
        final List<Sinks.Many<BrokerMessage>> channels = new CopyOnWriteArrayList<>();

        ConfirmedByTest() {
            super(null, null);
        }

        @Override
        Mono<Flux<BrokerMessage>> channel(String destination, DestinationKind kind) {
            Sinks.One<Flux<BrokerMessage>> confirmation = Sinks.one();
            confirmations.add(confirmation);
            return confirmation.asMono();
        }

        @Override
        Flux<BrokerMessage> replay(String destination, String sinceId) {
            return Flux.empty();
        }

        @Override
        Mono<String> newestId(String destination) {
            return Mono.just("0-0");
        }

        /** Redis confirms the newest channel subscription. */
        Sinks.Many<BrokerMessage> confirm() {
            Sinks.Many<BrokerMessage> channel = Sinks.many().multicast().directBestEffort();
            channels.add(channel);
            confirmations.get(confirmations.size() - 1).tryEmitValue(channel.asFlux());
            return channel;
        }

        int subscriptions() {
            return confirmations.size();
        }
    }

    private static BrokerMessage event(long ms, String text) {
        return new BrokerMessage(CHAT, ms + "-0", text.getBytes(StandardCharsets.UTF_8), DestinationKind.EVENT);
    }

    @Test
    void aSubscriberIsReadyOnlyOnceTheChannelIsConfirmed() {
        ConfirmedByTest bus = new ConfirmedByTest();
        LocalSubscriptions local = new LocalSubscriptions(bus, new SimpleMeterRegistry());
        StepVerifier.create(local.add(CHAT, DestinationKind.EVENT, m -> { }))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .then(bus::confirm)
                .verifyComplete();
    }

    @Test
    void aSubscriberJoiningWhileTheChannelIsSubscribedAgainWaitsForItAndMissesNothing() {
        ConfirmedByTest bus = new ConfirmedByTest();
        LocalSubscriptions local = new LocalSubscriptions(bus, new SimpleMeterRegistry());
        local.add(CHAT, DestinationKind.EVENT, m -> { }).subscribe();
        bus.confirm().tryEmitError(new IllegalStateException("pub/sub connection lost"));
        // the channel is subscribed again after the first backoff; Redis has not confirmed it yet
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bus.subscriptions() == 2);

        List<String> received = new CopyOnWriteArrayList<>();
        Subscriber late = m -> received.add(new String(m.body(), StandardCharsets.UTF_8));
        StepVerifier.create(local.add(CHAT, DestinationKind.EVENT, late))
                .expectSubscription()
                .as("not ready while the channel is not subscribed")
                .expectNoEvent(Duration.ofMillis(300))
                .then(() -> bus.confirm())
                .verifyComplete();
        bus.channels.get(1).tryEmitNext(event(5_000, "after the receipt"));
        assertThat(received).containsExactly("after the receipt");
    }
}
