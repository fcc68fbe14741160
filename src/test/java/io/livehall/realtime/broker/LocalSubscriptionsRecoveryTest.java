package io.livehall.realtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A destination's Redis channel fails (the fault is injected by a bus whose channels the test controls; the Redis
 * paths are covered against real Redis by {@link RedisRestartTest}): the destination subscribes again, catches up on
 * what was published meanwhile from the replay stream, and its subscribers get everything once, in order.
 */
class LocalSubscriptionsRecoveryTest {

    private static final String CHAT = "/topic/live/7/chat";

    /** Channels handed out one after the other; the replay stream holds what the test puts there. */
    private static final class FaultyBus extends RedisBus {
        final List<Sinks.Many<BrokerMessage>> channels = new CopyOnWriteArrayList<>();
        final List<BrokerMessage> stream = new CopyOnWriteArrayList<>();
        final AtomicInteger subscribes = new AtomicInteger();

        FaultyBus() {
            super(null, null);
        }

        @Override
        Mono<Flux<BrokerMessage>> channel(String destination, DestinationKind kind) {
            subscribes.incrementAndGet();
            Sinks.Many<BrokerMessage> sink = Sinks.many().multicast().directBestEffort();
            channels.add(sink);
            return Mono.just(sink.asFlux());
        }

        @Override
        Mono<String> newestId(String destination) {
            return Mono.just(stream.isEmpty() ? "0-0" : stream.get(stream.size() - 1).streamId());
        }

        @Override
        Flux<BrokerMessage> replay(String destination, String sinceId) {
            return Flux.fromIterable(stream).filter(m -> compareIds(m.streamId(), sinceId) > 0);
        }

        Sinks.Many<BrokerMessage> current() {
            return channels.get(channels.size() - 1);
        }
    }

    private static BrokerMessage event(long ms, String text) {
        return new BrokerMessage(CHAT, ms + "-0", text.getBytes(StandardCharsets.UTF_8), DestinationKind.EVENT);
    }

    @Test
    void aFailedChannelIsSubscribedAgainAndWhatWasMissedIsDeliveredOnceInOrder() {
        FaultyBus bus = new FaultyBus();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LocalSubscriptions local = new LocalSubscriptions(bus, meters);
        List<String> received = new CopyOnWriteArrayList<>();
        Subscriber viewer = m -> received.add(new String(m.body(), StandardCharsets.UTF_8));
        local.add(CHAT, DestinationKind.EVENT, viewer).block(Duration.ofSeconds(1));

        BrokerMessage one = event(2_000, "one");
        bus.stream.add(one);
        bus.current().tryEmitNext(one);
        bus.current().tryEmitError(new IllegalStateException("pub/sub connection lost"));
        bus.stream.add(event(3_000, "two")); // published while the channel was down

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(bus.subscribes).hasValue(2);
        BrokerMessage three = event(4_000, "three");
        bus.stream.add(three);
        bus.current().tryEmitNext(three);
        bus.current().tryEmitNext(one); // a late duplicate is not delivered again

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 3);
        assertThat(received).containsExactly("one", "two", "three");
        assertThat(meters.counter("livehall.realtime.channel.failures").count()).isEqualTo(1);
    }

    @Test
    void aChannelThatEndsWhileItHasSubscribersIsSubscribedAgainButOneWithoutSubscribersIsNot() {
        FaultyBus bus = new FaultyBus();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LocalSubscriptions local = new LocalSubscriptions(bus, meters);
        Subscriber viewer = m -> { };
        local.add(CHAT, DestinationKind.EVENT, viewer).block(Duration.ofSeconds(1));

        bus.current().tryEmitComplete();
        await().atMost(Duration.ofSeconds(5)).until(() -> bus.subscribes.get() == 2);

        local.remove(CHAT, viewer);
        bus.current().tryEmitComplete();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> bus.subscribes.get() == 2);
        assertThat(meters.counter("livehall.realtime.channel.failures").count()).isEqualTo(1);
    }
}
