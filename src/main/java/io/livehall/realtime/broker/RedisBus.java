package io.livehall.realtime.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.livehall.common.batch.NaturalBatcher;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Redis as the cross-instance bus. One Lua call per publish ({@code redis/rt-publish.lua}) (messages to users' queues, which are not kept, are
 * published many at a time when they come together): EVENT messages are appended to a capped
 * stream (their id becomes the {@code x-stream-id}) and LATEST values are stored, then the message is
 * PUBLISHed on the destination's channel as {@code <streamId or ->|<json>}. Every instance, the publisher
 * included, delivers what it receives on the channels of its local subscriptions: exactly once each.
 */
@Component
class RedisBus {

    static final String CHANNEL = RedisKeys.global("rt", "ch:");
    static final int STREAM_LENGTH = 1000;
    /** replay streams and latest values are kept this long after a destination's last message */
    static final Duration KEEP = Duration.ofDays(1);

    private static final RedisScript<String> PUBLISH = RedisScripts.load("rt-publish", String.class);
    private static final RedisScript<Long> PUBLISH_PLAIN = RedisScripts.load("rt-publish-plain", Long.class);

    /** A message to one user's queue: not kept, only PUBLISHed. */
    private record Plain(String channel, String json) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer container;
    // one batch at a time, so messages keep their order
    private final NaturalBatcher<Plain, String> plain = new NaturalBatcher<>(1, 200, this::publishPlain);

    RedisBus(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer container) {
        this.redis = redis;
        this.container = container;
    }

    /** Publishes and answers the stream id (or "-" when the message is not kept for replay). */
    Mono<String> publish(String destination, String json, DestinationKind kind, boolean replayable) {
        String mode = kind == DestinationKind.LATEST ? "LATEST" : replayable ? "EVENT" : "PLAIN";
        if (mode.equals("PLAIN")) {
            // many users' notifications at once (e.g. orders of a flash sale) share one Redis call
            return plain.submit(new Plain(CHANNEL + destination, json));
        }
        return redis.execute(PUBLISH, List.of(stream(destination), last(destination)),
                List.of(mode, json, Integer.toString(STREAM_LENGTH), CHANNEL + destination,
                        Long.toString(KEEP.toSeconds()))).next();
    }

    private Mono<Void> publishPlain(List<NaturalBatcher.Request<Plain, String>> batch) {
        List<String> channelsAndMessages = new ArrayList<>(batch.size() * 2);
        batch.forEach(r -> {
            channelsAndMessages.add(r.value().channel());
            channelsAndMessages.add(r.value().json());
        });
        return redis.execute(PUBLISH_PLAIN, List.of(), channelsAndMessages).then()
                .doOnSuccess(done -> batch.forEach(r -> r.sink().success("-")));
    }

    /**
     * Subscribes to a destination's channel; the Mono completes once Redis confirmed the subscription.
     * Runs on bounded-elastic: the first subscription opens Lettuce's pub/sub connection synchronously,
     * which must not happen on an event-loop thread. Once per destination, not per message.
     */
    Mono<Flux<BrokerMessage>> channel(String destination, DestinationKind kind) {
        return Mono.defer(() -> container.receiveLater(ChannelTopic.of(CHANNEL + destination)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(flux -> flux.map(m -> decode(destination, kind, m)));
    }

    /** EVENT messages after {@code sinceId} still in the stream, oldest first. */
    Flux<BrokerMessage> replay(String destination, String sinceId) {
        Range<String> range = Range.rightUnbounded(Range.Bound.exclusive(sinceId.equals("0") ? "0-0" : sinceId));
        return redis.opsForStream().range(stream(destination), range, Limit.limit().count(STREAM_LENGTH))
                .map(record -> toMessage(destination, record));
    }

    /** The newest {@code count} EVENT messages still in the stream, oldest first. */
    Flux<BrokerMessage> replayLast(String destination, int count) {
        return redis.opsForStream().reverseRange(stream(destination), Range.unbounded(), Limit.limit().count(count))
                .map(record -> toMessage(destination, record))
                .collectList()
                .flatMapMany(newestFirst -> {
                    Collections.reverse(newestFirst);
                    return Flux.fromIterable(newestFirst);
                });
    }

    /**
     * The id of the newest message in a destination's replay stream ("0-0" when it has none): every message
     * published later has a greater id, whatever this instance's clock says (stream ids are Redis's time).
     */
    Mono<String> newestId(String destination) {
        return redis.opsForStream().reverseRange(stream(destination), Range.unbounded(), Limit.limit().count(1))
                .next().map(record -> record.getId().getValue()).defaultIfEmpty("0-0");
    }

    /** Deletes one message from a destination's replay stream; true when it was there. */
    Mono<Boolean> retract(String destination, String streamId) {
        return redis.opsForStream().delete(stream(destination), RecordId.of(streamId)).map(n -> n > 0);
    }

    Mono<BrokerMessage> lastValue(String destination) {
        return redis.opsForValue().get(last(destination))
                .map(json -> new BrokerMessage(destination, null, json.getBytes(StandardCharsets.UTF_8), DestinationKind.LATEST));
    }

    /** A destination's replay stream; it shares the destination's hash tag with its latest value. */
    static String stream(String destination) {
        return RedisKeys.of("rt", destination, "stream");
    }

    static String last(String destination) {
        return RedisKeys.of("rt", destination, "last");
    }

    private static BrokerMessage toMessage(String destination, MapRecord<String, Object, Object> record) {
        String json = String.valueOf(record.getValue().get("d"));
        return new BrokerMessage(destination, record.getId().getValue(), json.getBytes(StandardCharsets.UTF_8),
                DestinationKind.EVENT);
    }

    private static BrokerMessage decode(String destination, DestinationKind kind,
                                        ReactiveSubscription.Message<String, String> message) {
        String payload = message.getMessage();
        int bar = payload.indexOf('|');
        String id = payload.substring(0, bar);
        return new BrokerMessage(destination, id.equals("-") ? null : id,
                payload.substring(bar + 1).getBytes(StandardCharsets.UTF_8), kind);
    }

    /** Compares Redis stream ids ("ms-seq") numerically. */
    static int compareIds(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
    }
}
