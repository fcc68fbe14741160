package io.livehall.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.tally.Tally;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A scope's unique viewers of a day (Asia/Shanghai) across all its rooms: a HyperLogLog per scope and day,
 * {@code livehall:tally:{<scope>}:u:<yyyyMMdd>}, the union of its rooms' own sketches ({@code UniqueSketches}, fed by
 * presence on every join), merged in by {@link ViewerSampler}. A viewer in two rooms of the scope counts once; the
 * platform's is the union of every room. A union may be merged again and by every instance: nothing counts twice.
 * Cluster-safe: a room's sketch is copied (SET) into a temporary key in the scope's slot before {@code PFMERGE}.
 */
@Component
class ScopeUniques {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Expiration SCRATCH = Expiration.seconds(60);

    private final ReactiveStringRedisTemplate redis;

    ScopeUniques(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    static String key(String scope, LocalDate day) {
        return RedisKeys.of("tally", scope, "u:" + DAY.format(day));
    }

    /** Merges rooms' sketches into the scope's day; answers its unique viewers then. */
    Mono<Long> merge(String scope, LocalDate day, List<byte[]> sketches) {
        if (sketches.isEmpty()) {
            return count(scope, day);
        }
        ByteBuffer target = bytes(key(scope, day));
        String scratch = RedisKeys.of("tally", scope, "u-merge:" + UUID.randomUUID());
        List<ByteBuffer> sources = new ArrayList<>(List.of(target));
        for (int i = 0; i < sketches.size(); i++) {
            sources.add(bytes(scratch + ":" + i));
        }
        return redis.execute(connection -> Flux.range(0, sketches.size())
                        .concatMap(i -> connection.stringCommands().set(sources.get(i + 1).duplicate(),
                                ByteBuffer.wrap(sketches.get(i)), SCRATCH, RedisStringCommands.SetOption.upsert()))
                        .then(connection.hyperLogLogCommands().pfMerge(target.duplicate(), dup(sources)))
                        .then(connection.keyCommands().mDel(dup(sources.subList(1, sources.size()))))
                        .then(connection.keyCommands().pExpire(target.duplicate(), Tally.KEEP))
                        .then(pfCount(connection, target)))
                .next().defaultIfEmpty(0L);
    }

    /** The scope's unique viewers of the day so far (0 before its first sample). */
    Mono<Long> count(String scope, LocalDate day) {
        return redis.opsForHyperLogLog().size(key(scope, day)).defaultIfEmpty(0L);
    }

    private static Mono<Long> pfCount(ReactiveRedisConnection connection, ByteBuffer key) {
        return connection.hyperLogLogCommands().pfCount(key.duplicate());
    }

    private static List<ByteBuffer> dup(List<ByteBuffer> keys) {
        return keys.stream().map(ByteBuffer::duplicate).toList();
    }

    private static ByteBuffer bytes(String key) {
        return ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
    }
}
