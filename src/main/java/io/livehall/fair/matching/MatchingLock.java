package io.livehall.fair.matching;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One fair's matching job on one instance at a time: the job holds a PostgreSQL session-level advisory lock of the fair
 * on a connection of its own, opened beside the pool (not a pooled one, so closing it surely ends the session). The
 * lock lives exactly as long as that session: released when the job ends, and by PostgreSQL itself when the instance
 * dies (its connection goes) — nothing to expire or renew, and a job that runs longer than any lease never loses it.
 * A job whose fair is locked elsewhere waits, trying again every {@link #RETRY}, without holding a connection.
 */
@Component
class MatchingLock {

    /** advisory lock keys of matching jobs: "fmjb" in the high bits, the fair id below */
    static final long TAG = 0x666d6a62L << 32;
    static final Duration RETRY = Duration.ofMillis(200);
    /** how long opening the lock's connection or asking for the lock may take before the attempt fails */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionFactory connections;

    MatchingLock(ConnectionFactory connections) {
        this.connections = connections instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory direct
                ? direct : connections;
    }

    static long key(long fairId) {
        return TAG | (fairId & 0xffffffffL);
    }

    /** Runs {@code work} once this instance holds the fair's lock; the lock goes when it ends, however it ends. */
    <T> Mono<T> holding(long fairId, Mono<T> work) {
        long key = key(fairId);
        return Mono.usingWhen(acquire(key), held -> work, held -> release(held, key),
                (held, e) -> release(held, key), held -> release(held, key));
    }

    private Mono<Connection> acquire(long key) {
        return Mono.from(connections.create()).timeout(TIMEOUT)
                .flatMap(c -> locked(c, "select pg_try_advisory_lock($1)", key).timeout(TIMEOUT)
                        .onErrorResume(e -> Mono.from(c.close()).then(Mono.error(e)))
                        .flatMap(ok -> ok ? Mono.just(c) : Mono.from(c.close()).then(Mono.<Connection>empty())))
                .repeatWhenEmpty(Integer.MAX_VALUE, tries -> tries.concatMap(i -> Mono.delay(RETRY)));
    }

    private static Mono<Void> release(Connection c, long key) {
        return locked(c, "select pg_advisory_unlock($1)", key).timeout(TIMEOUT).then()
                .onErrorResume(e -> Mono.empty()) // closing the session releases it anyway
                .then(Mono.from(c.close()));
    }

    private static Mono<Boolean> locked(Connection c, String sql, long key) {
        return Mono.from(c.createStatement(sql).bind("$1", key).execute())
                .flatMap(result -> Mono.from(result.map((row, meta) ->
                        Boolean.TRUE.equals(row.get(0, Boolean.class)))));
    }
}
