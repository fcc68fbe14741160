package io.livehall.realtime.presence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A room's unique viewers as the raw HyperLogLog presence keeps of them (fed on every join of a signed-in viewer): the
 * one place people are counted. Whoever needs the unique viewers of several rooms together (the dashboard: a scope's
 * viewers across its rooms, without counting a person in two rooms twice) merges these sketches, which is exact where
 * summing the rooms' counts is not. Read-only; a room nobody signed in watched has none (empty).
 */
@Component
public class UniqueSketches {

    private final ReactiveStringRedisTemplate redis;

    UniqueSketches(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The room's HyperLogLog of viewers (Redis' own encoding, for {@code PFMERGE}); empty when it has none. */
    public Mono<byte[]> of(String type, String id) {
        ByteBuffer key = ByteBuffer.wrap(new Room(type, id).redisKey("unique").getBytes(StandardCharsets.UTF_8));
        return redis.execute(connection -> connection.stringCommands().get(key)).next()
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                });
    }
}
