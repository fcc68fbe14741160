package io.livehall.common.outbox;

import java.time.Duration;

import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Drains the outbox every {@link #PERIOD}: in one transaction that holds a PostgreSQL advisory lock (so one instance
 * drains at a time, and a second instance skips its turn), it takes up to {@link #BATCH} due events in id order,
 * delivers each through its kind's handler and marks it delivered; a failed delivery is tried again later (backing
 * off from 2 s up to 5 minutes). Only kinds this instance has a handler for are taken (in a rolling upgrade, an event
 * kind only newer instances know waits for them). An instance that dies mid-drain rolls its transaction back: those events are
 * delivered again by the next drain (at least once). Delivered events are kept a week, then deleted.
 */
@Component
class OutboxRelay extends PeriodicJob {

    static final Duration PERIOD = Duration.ofMillis(500);
    static final int BATCH = 200;
    static final long LOCK = 0x6c68_6f75_7462_6f78L; // "lhoutbox"
    private static final Log log = LogFactory.getLog(OutboxRelay.class);

    private record Event(long id, String kind, String payload, int attempts) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Outbox outbox;
    private final Counter delivered;
    private final Counter failed;

    OutboxRelay(DatabaseClient db, TransactionalOperator tx, Outbox outbox, MeterRegistry meters) {
        super(meters);
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.delivered = meters.counter("livehall.outbox.delivered");
        this.failed = meters.counter("livehall.outbox.failed");
    }

    @Override
    protected Duration period() {
        return PERIOD;
    }

    @Override
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected Mono<?> runOnce() {
        return drain().then(forgetOld());
    }

    /** Answers how many events were delivered. */
    Mono<Long> drain() {
        Mono<Long> draining = db.sql("select pg_try_advisory_xact_lock(:lock) as locked").bind("lock", LOCK)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class))).one()
                .flatMap(locked -> !locked ? Mono.just(0L) : db.sql("""
                                select id, kind, payload::text as payload, attempts from outbox_event
                                where delivered_at is null and available_at <= now() and kind = any(:kinds)
                                order by id limit :batch""")
                        .bind("batch", BATCH).bind("kinds", outbox.kinds())
                        .map(row -> new Event(row.get("id", Long.class), row.get("kind", String.class),
                                row.get("payload", String.class), row.get("attempts", Integer.class)))
                        .all()
                        .concatMap(this::deliver)
                        .filter(ok -> ok)
                        .count());
        return tx.transactional(draining);
    }

    private Mono<Boolean> deliver(Event e) {
        Outbox.Handler handler = outbox.handlers().apply(e.kind());
        Mono<Void> delivery = handler == null
                ? Mono.error(new IllegalStateException("no handler for outbox kind " + e.kind()))
                : Mono.defer(() -> handler.deliver(e.id(), e.payload())).timeout(Duration.ofSeconds(5));
        return delivery
                .then(db.sql("update outbox_event set delivered_at = now(), attempts = attempts + 1 where id = :id")
                        .bind("id", e.id()).fetch().rowsUpdated())
                .doOnNext(n -> delivered.increment())
                .thenReturn(true)
                .onErrorResume(error -> {
                    failed.increment();
                    log.warn("Delivering outbox event " + e.id() + " (" + e.kind() + ") failed; trying again later: " + error);
                    long backoffSeconds = Math.min(300, 2L << Math.min(e.attempts(), 8));
                    return db.sql("""
                                    update outbox_event set attempts = attempts + 1, last_error = left(:error, 500),
                                        available_at = now() + make_interval(secs => :backoff)
                                    where id = :id""")
                            .bind("error", String.valueOf(error)).bind("backoff", (double) backoffSeconds).bind("id", e.id())
                            .fetch().rowsUpdated().thenReturn(false);
                });
    }

    private Mono<Long> forgetOld() {
        return db.sql("""
                        delete from outbox_event where id in (
                            select id from outbox_event where delivered_at < now() - interval '7 days' limit 1000)""")
                .fetch().rowsUpdated();
    }
}
