package io.livehall.common.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.ExtraInstance;
import io.livehall.IntegrationTest;
import io.livehall.ThrowawayRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Near caches across instances, on the shared Redis: an eviction or a clear announced by another instance (published
 * here on the channel as another instance would) reaches this one; this instance's own evictions are announced; a
 * lost Redis connection empties the caches and they are bypassed until Redis is back and settled.
 */
class NearCachesTest extends IntegrationTest {

    @Autowired
    NearCaches near;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ReactiveRedisMessageListenerContainer listener;

    @Autowired
    Environment shared;

    private final AtomicInteger loads = new AtomicInteger();

    private Mono<String> load() {
        return Mono.fromSupplier(() -> "answer " + loads.incrementAndGet());
    }

    @Test
    void evictionsOfAnotherInstanceArriveHere() {
        NearCache<String> cache = near.create("test-remote-" + UUID.randomUUID().toString().substring(0, 8), 100,
                Duration.ofMinutes(5));
        String first = cache.get("k 1", this::load).block();
        String other = cache.get("other", this::load).block();
        assertThat(cache.get("k 1", this::load).block()).isEqualTo(first);

        redis.convertAndSend(NearCaches.CHANNEL, "evict " + cache.name() + " k 1").block();
        await("the eviction arrives").atMost(Duration.ofSeconds(5))
                .until(() -> !first.equals(cache.get("k 1", this::load).block()));
        assertThat(cache.get("other", this::load).block()).as("only that key").isEqualTo(other);

        redis.convertAndSend(NearCaches.CHANNEL, "clear " + cache.name()).block();
        await("the clear arrives").atMost(Duration.ofSeconds(5))
                .until(() -> !other.equals(cache.get("other", this::load).block()));

        // messages for caches this instance does not have, or malformed ones, change nothing
        String kept = cache.get("kept", this::load).block();
        String marker = cache.get("marker", this::load).block();
        redis.convertAndSend(NearCaches.CHANNEL, "evict no-such-cache kept").block();
        redis.convertAndSend(NearCaches.CHANNEL, "bogus").block();
        redis.convertAndSend(NearCaches.CHANNEL, "evict " + cache.name()).block();
        redis.convertAndSend(NearCaches.CHANNEL, "clear " + cache.name() + "x").block();
        redis.convertAndSend(NearCaches.CHANNEL, "evict " + cache.name() + " marker").block();
        // messages arrive in order: once the last one did, the others were handled
        await().atMost(Duration.ofSeconds(5)).until(() -> !marker.equals(cache.get("marker", this::load).block()));
        assertThat(cache.get("kept", this::load).block()).isEqualTo(kept);
    }

    @Test
    void manyKeysGoInOneAnnouncementAndEachIsEvictedThere() {
        NearCache<String> cache = near.create("test-many-" + UUID.randomUUID().toString().substring(0, 8), 100,
                Duration.ofMinutes(5));
        String a = cache.get("a", this::load).block();
        String kept = cache.get("kept", this::load).block();
        StepVerifier.create(listener.receive(ChannelTopic.of(NearCaches.CHANNEL))
                        .map(m -> m.getMessage()).filter(m -> m.contains(cache.name())).take(1))
                .then(() -> near.evict(cache, java.util.List.of("a", "b")).block())
                .expectNext("evict " + cache.name() + " a\nb")
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(cache.get("a", this::load).block()).as("evicted here at once").isNotEqualTo(a);

        // as another instance announces them
        String b = cache.get("b", this::load).block();
        String c = cache.get("c", this::load).block();
        redis.convertAndSend(NearCaches.CHANNEL, "evict " + cache.name() + " b\nc").block();
        await("both evictions arrive").atMost(Duration.ofSeconds(5))
                .until(() -> !b.equals(cache.get("b", this::load).block()) && !c.equals(cache.get("c", this::load).block()));
        assertThat(cache.get("kept", this::load).block()).as("only those keys").isEqualTo(kept);
    }

    @Test
    void evictionsHereAreAppliedAtOnceAndAnnounced() {
        NearCache<String> cache = near.create("test-local-" + UUID.randomUUID().toString().substring(0, 8), 100,
                Duration.ofMinutes(5));
        String first = cache.get("k", this::load).block();
        StepVerifier.create(listener.receive(ChannelTopic.of(NearCaches.CHANNEL))
                        .map(m -> m.getMessage()).filter(m -> m.contains(cache.name())).take(2))
                .then(() -> {
                    near.evict(cache, "k").block();
                    assertThat(cache.get("k", this::load).block()).as("evicted before the announcement").isNotEqualTo(first);
                    near.clear(cache).block();
                })
                .expectNext("evict " + cache.name() + " k", "clear " + cache.name())
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void namesAreWordsAndUnique() {
        String name = "test-name-" + UUID.randomUUID().toString().substring(0, 8);
        near.create(name, 1, Duration.ofSeconds(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> near.create(name, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> near.create("two words", 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLostRedisConnectionEmptiesTheCachesUntilRedisIsBackAndSettled() throws Exception {
        try (ThrowawayRedis server = ThrowawayRedis.startOnFreePort();
             ExtraInstance instance = ExtraInstance.start(shared, server.url(), null, "--management.server.port=")) {
            NearCaches caches = instance.bean(NearCaches.class);
            NearCache<String> cache = caches.create("test-lost", 100, Duration.ofMinutes(5));
            await().atMost(Duration.ofSeconds(10)).until(caches::trusted);
            String first = cache.get("k", this::load).block();
            assertThat(cache.get("k", this::load).block()).isEqualTo(first);

            // another instance's eviction published while this one's pub/sub connection is down never arrives
            io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(server.url());
            try (var connection = client.connect()) {
                var commands = connection.sync();
                commands.multi();
                commands.clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
                commands.publish(NearCaches.CHANNEL, "evict test-lost k");
                assertThat(commands.exec().wasDiscarded()).isFalse();
            } finally {
                client.shutdown();
            }

            await("not trusted once the connection is lost").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !caches.trusted());
            String meanwhile = cache.get("k", this::load).block();
            assertThat(meanwhile).as("emptied: the missed eviction cannot matter").isNotEqualTo(first);
            assertThat(cache.get("k", this::load).block()).as("bypassed: nothing kept").isNotEqualTo(meanwhile);

            await("trusted again once Redis is back and settled").atMost(Duration.ofSeconds(15)).until(caches::trusted);
            String fresh = cache.get("k", this::load).block();
            assertThat(cache.get("k", this::load).block()).isEqualTo(fresh);
        }
    }
}
