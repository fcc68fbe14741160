package io.livehall.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The shared reminder job on the real PostgreSQL, with a table of its own: two instances running at the same moment
 * send each due reminder once; a run that fails half-way rolls its claims and notifications back and the next run
 * sends them; what goes out after the commit gets exactly the claimed reminders.
 */
class ReminderJobTest extends IntegrationTest {

    @Autowired
    TransactionalOperator tx;

    private final String table = "reminder_job_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createTables() {
        db.sql("create table " + table + " (id bigint primary key, sent_at timestamptz)").then()
                .then(db.sql("create table " + table + "_note (id bigint not null)").then())
                .then(db.sql("insert into " + table + " (id) select generate_series(1, 40)").then()).block();
    }

    @AfterEach
    void dropTables() {
        db.sql("drop table if exists " + table + ", " + table + "_note").then().block();
    }

    /** Claims unsent rows; "notifies" by inserting a note (in the transaction); fails on {@code failOn}. */
    private final class TestReminders extends ReminderJob<Long> {

        final Map<Long, AtomicInteger> reminded = new ConcurrentHashMap<>();
        final List<Long> afterCommit = new CopyOnWriteArrayList<>();
        volatile long failOn = -1;

        TestReminders() {
            super(tx, clock, new SimpleMeterRegistry());
        }

        @Override
        protected Duration period() {
            return Duration.ofHours(1);
        }

        @Override
        protected Flux<Long> claimDue(Instant now) {
            return db.sql("update " + table + " t set sent_at = :now from (select id from " + table
                            + " where sent_at is null order by id limit 25 for update skip locked) due"
                            + " where t.id = due.id returning t.id")
                    .bind("now", now).map(row -> row.get(0, Long.class)).all();
        }

        @Override
        protected Mono<Void> remind(Long id, Instant now) {
            if (id == failOn) {
                return Mono.error(new IllegalStateException("sending " + id + " failed"));
            }
            return db.sql("insert into " + table + "_note (id) values (:id)").bind("id", id).then()
                    .doOnSuccess(done -> reminded.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
        }

        @Override
        protected Mono<Void> afterCommit(Long id) {
            return Mono.fromRunnable(() -> afterCommit.add(id));
        }
    }

    private long notes() {
        return db.sql("select count(*) from " + table + "_note").map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void twoInstancesSendEachReminderOnce() {
        TestReminders one = new TestReminders();
        TestReminders two = new TestReminders();
        int sent = Flux.range(0, 4)
                .flatMap(i -> (i % 2 == 0 ? one : two).sendDue().subscribeOn(Schedulers.parallel()))
                .reduce(0, Integer::sum).block();
        assertThat(sent).isEqualTo(40);
        assertThat(notes()).isEqualTo(40);
        // (one instance may have claimed them all: a run claims up to 25)
        assertThat(one.reminded.keySet()).as("sent by both").noneMatch(two.reminded::containsKey);
        assertThat(one.reminded.size() + two.reminded.size()).isEqualTo(40);
        assertThat(one.afterCommit).containsExactlyInAnyOrderElementsOf(one.reminded.keySet());
        assertThat(two.afterCommit).containsExactlyInAnyOrderElementsOf(two.reminded.keySet());
        assertThat(one.sendDue().block()).as("nothing left").isZero();
    }

    @Test
    void aFailedRunRollsBackAndTheNextOneSends() {
        TestReminders job = new TestReminders();
        job.failOn = 10;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> job.sendDue().block())
                .hasMessageContaining("sending 10 failed");
        assertThat(notes()).as("the notes written before the failure rolled back").isZero();
        assertThat(job.afterCommit).as("nothing goes out of an aborted run").isEmpty();

        job.failOn = -1;
        assertThat(job.sendDue().block()).isEqualTo(25);
        assertThat(job.sendDue().block()).isEqualTo(15);
        assertThat(notes()).isEqualTo(40);
        assertThat(job.afterCommit).hasSize(40).doesNotHaveDuplicates();
    }
}
