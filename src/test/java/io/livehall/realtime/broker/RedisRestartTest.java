package io.livehall.realtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.livehall.ExtraInstance;
import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient;
import io.livehall.ThrowawayRedis;
import io.livehall.showcase.live.LiveFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Redis restarts, drops the pub/sub connection, or stops answering, under a running instance (its own Redis, shared
 * PostgreSQL): subscribers that were live before keep receiving, without reconnecting, and get what was published
 * while the instance was not listening; a request that needs Redis while it does not answer gets 503 in time.
 */
class RedisRestartTest extends IntegrationTest {

    @Autowired
    Environment shared;

    @Test
    void subscribersKeepReceivingAfterRedisRestarts() throws Exception {
        String room = new LiveFixtures(http, db).liveRoom();
        String chat = "/topic/live/" + room + "/chat";
        try (ThrowawayRedis redis = ThrowawayRedis.startOnFreePort();
             // a shorter command timeout than the 5 s default: the sleeping-Redis part waits less
             ExtraInstance instance = ExtraInstance.start(shared, redis.url(), null, "--spring.data.redis.timeout=2s");
             RawStompClient viewer = RawStompClient.open(instance.port())) {
            int redisPort = redis.port();
            Broker broker = instance.bean(Broker.class);
            viewer.connect(null);
            viewer.subscribe("c", chat);
            broker.publish(chat, "{\"text\":\"before\"}").block(Duration.ofSeconds(5));
            assertThat(viewer.expect("MESSAGE").body()).contains("before");

            redis.stop();
            redis.startAgain();

            Broker b = broker;
            await("publishing works again").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> b.publish(chat, "{\"text\":\"after\"}").block(Duration.ofSeconds(2)) != null);
            assertThat(viewer.expect("MESSAGE").body()).contains("after");
            assertThat(viewer.isClosed()).isFalse();

            // the pub/sub connection is killed and, before Lettuce is back, a message is published: pub/sub never
            // delivers it to this instance; catching up from the replay stream after the reconnection does
            MeterRegistry meters = instance.bean(MeterRegistry.class);
            double reconnects = meters.counter("livehall.realtime.redis.reconnects").count();
            killPubSubThenPublish(redisPort, chat, "{\"text\":\"in the gap\"}");
            assertThat(viewer.expect("MESSAGE").body()).contains("in the gap");
            // on a loaded machine the restart's second look (2 s after it) may catch the message up before this
            // reconnection's first look (300 ms after it) is counted
            await("the reconnection is counted").atMost(Duration.ofSeconds(5))
                    .until(() -> meters.counter("livehall.realtime.redis.reconnects").count() > reconnects);
            b.publish(chat, "{\"text\":\"live again\"}").block(Duration.ofSeconds(5));
            assertThat(viewer.expect("MESSAGE").body()).contains("live again");
            assertThat(viewer.poll(Duration.ofMillis(2500))).as("nothing twice (the second look finds nothing new)").isNull();

            // Redis stops answering for 4 s: a request that needs it answers 503 after the 2 s command timeout
            io.lettuce.core.RedisClient sleeper = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + redisPort);
            try (var connection = sleeper.connect()) {
                var utf8 = io.lettuce.core.codec.StringCodec.UTF8;
                connection.async().dispatch(io.lettuce.core.protocol.CommandType.DEBUG,
                        new io.lettuce.core.output.StatusOutput<>(utf8),
                        new io.lettuce.core.protocol.CommandArgs<>(utf8).add("SLEEP").add(4));
                long started = System.nanoTime();
                org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + instance.port()).responseTimeout(Duration.ofSeconds(10)).build()
                        .post().uri("/api/auth/guest").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().valueEquals("Retry-After", "2");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3900));
            } finally {
                sleeper.shutdown();
            }
        }
    }

    /** In one transaction: kill every pub/sub connection, then publish (as {@link RedisBus} does) to a destination. */
    private static void killPubSubThenPublish(int redisPort, String destination, String json) throws Exception {
        String script;
        try (var in = RedisRestartTest.class.getResourceAsStream("/redis/rt-publish.lua")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (var connection = client.connect()) {
            var redis = connection.sync();
            redis.multi();
            redis.clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
            redis.eval(script, io.lettuce.core.ScriptOutputType.VALUE,
                    new String[] {RedisBus.stream(destination), RedisBus.last(destination)},
                    "EVENT", json, "1000", RedisBus.CHANNEL + destination, "86400");
            assertThat(redis.exec().wasDiscarded()).isFalse();
        } finally {
            client.shutdown();
        }
    }
}
