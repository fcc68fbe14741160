package io.livehall.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import redis.embedded.RedisServer;

/**
 * A lasting subscription on its own Redis (so killing connections and restarting Redis troubles nobody else): it is
 * confirmed when {@code start()} returns, delivers messages in order, and keeps delivering after its connection is
 * killed and after Redis restarts.
 */
class LastingSubscriptionTest {

    private static final String CHANNEL = RedisKeys.PREFIX + "test:lasting";

    private int port;
    private Path dir;
    private RedisServer server;
    private LettuceConnectionFactory connections;
    private ReactiveRedisMessageListenerContainer listener;
    private LastingSubscription subscription;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger confirmations = new AtomicInteger();

    @BeforeEach
    void startRedisAndSubscribe() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dir = Files.createTempDirectory("lasting-subscription");
        server = redis();
        server.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connections.afterPropertiesSet();
        connections.start();
        listener = new ReactiveRedisMessageListenerContainer(connections);
        subscription = new LastingSubscription("Test", listener, CHANNEL, received::add,
                confirmations::incrementAndGet, () -> { });
        subscription.start();
    }

    @AfterEach
    void stop() throws Exception {
        subscription.stop();
        listener.destroy();
        connections.destroy();
        server.stop();
    }

    @Test
    void confirmedAtStartAndDeliversInOrder() {
        assertThat(subscription.running()).isTrue();
        assertThat(subscription.subscribed()).as("start() waited for Redis to confirm").isTrue();
        assertThat(confirmations).hasValue(1);
        publish("one");
        publish("two");
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
        assertThat(received).containsExactly("one", "two");

        subscription.stop();
        assertThat(subscription.subscribed()).isFalse();
        assertThat(subscription.running()).isFalse();
    }

    @Test
    void keepsDeliveringAfterItsConnectionIsKilled() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (var connection = client.connect()) {
            assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
        } finally {
            client.shutdown();
        }
        awaitDelivery("after the kill");
    }

    @Test
    void keepsDeliveringAfterRedisRestarts() throws Exception {
        server.stop();
        server = redis();
        server.start();
        awaitDelivery("after the restart");
        assertThat(subscription.subscribed()).isTrue();
    }

    /** Publishes until one arrives: what is published before the renewal is lost (pub/sub keeps nothing). */
    private void awaitDelivery(String message) {
        await(message + " arrives").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    publish(message);
                    return received.contains(message);
                });
    }

    private void publish(String message) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (var connection = client.connect()) {
            connection.sync().publish(CHANNEL, message);
        } catch (RuntimeException e) {
            // Redis not back yet: the next poll publishes again
        } finally {
            client.shutdown();
        }
    }

    private RedisServer redis() throws Exception {
        return RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("dir " + dir)
                .setting("save \"\"").setting("appendonly no").build();
    }
}
