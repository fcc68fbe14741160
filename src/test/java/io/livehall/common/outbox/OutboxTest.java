package io.livehall.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox against real PostgreSQL, with the relay of the running application draining it. */
class OutboxTest extends IntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionalOperator tx;

    private static String kind() {
        return "test." + uniqueName("k").toLowerCase().replace('_', '-');
    }

    @Test
    void anEventExistsIfAndOnlyIfItsTransactionCommittedAndIsDeliveredOnce() {
        String kind = kind();
        List<String> delivered = new CopyOnWriteArrayList<>();
        outbox.handle(kind, (id, payload) -> Mono.fromRunnable(() -> delivered.add(payload)));

        tx.transactional(outbox.append(kind, Map.of("n", 1))).block(Duration.ofSeconds(5));
        Mono<Void> rolledBack = tx.transactional(outbox.append(kind, Map.of("n", 2))
                .then(Mono.error(new IllegalStateException("the change failed"))));
        assertThat(rolledBack.onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5))).isNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> delivered.size() == 1);
        assertThat(delivered).containsExactly("{\"n\": 1}");
    }

    @Test
    void aFailedDeliveryIsTriedAgainLaterWithItsErrorKept() {
        String kind = kind();
        AtomicInteger tries = new AtomicInteger();
        outbox.handle(kind, (id, payload) -> tries.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("Redis is away"))
                : Mono.empty());

        tx.transactional(outbox.append(kind, Map.of("n", 1))).block(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(kind) == 1);
        Map<String, Object> row = db.sql("select attempts, last_error from outbox_event where kind = :k").bind("k", kind)
                .fetch().one().block(Duration.ofSeconds(5));
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat((String) row.get("last_error")).contains("Redis is away");
    }

    @Test
    void oneInstanceDrainsAtATime() {
        String kind = kind();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        outbox.handle(kind, (id, payload) -> Mono.delay(Duration.ofMillis(50))
                .doOnSubscribe(s -> most.accumulateAndGet(running.incrementAndGet(), Math::max))
                .doOnTerminate(running::decrementAndGet)
                .doOnNext(t -> delivered.add(payload))
                .then());
        tx.transactional(Flux.range(0, 10).concatMap(i -> outbox.append(kind, Map.of("n", i))).then())
                .block(Duration.ofSeconds(5));

        // three drains race the application's own relay
        Flux.range(0, 3).flatMap(i -> relay.drain()).blockLast(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() >= 10);

        assertThat(most).hasValue(1);
        assertThat(delivered).hasSize(10).doesNotHaveDuplicates();
    }

    private long delivered(String kind) {
        return db.sql("select count(*) as n from outbox_event where kind = :k and delivered_at is not null")
                .bind("k", kind).map(r -> r.get("n", Long.class)).one().block(Duration.ofSeconds(5));
    }
}
