package io.livehall.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.livehall.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Best-effort side effects run after the commit, never after a rollback, and never fail the change. */
class AfterCommitTest extends IntegrationTest {

    @Autowired
    AfterCommit afterCommit;

    @Autowired
    TransactionalOperator tx;

    @Autowired
    MeterRegistry meters;

    @Test
    void runsAfterTheCommitAndNotAfterARollback() {
        List<String> log = new CopyOnWriteArrayList<>();
        tx.transactional(afterCommit.run("test", () -> Mono.fromRunnable(() -> log.add("effect")))
                        .then(Mono.fromRunnable(() -> log.add("rest of the transaction"))))
                .block(Duration.ofSeconds(5));
        assertThat(log).containsExactly("rest of the transaction", "effect");

        tx.transactional(afterCommit.run("test", () -> Mono.fromRunnable(() -> log.add("never")))
                        .then(Mono.error(new IllegalStateException("rolled back"))))
                .onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
        assertThat(log).doesNotContain("never");
    }

    @Test
    void aFailingSideEffectIsCountedAndDoesNotFailTheCommittedChange() {
        double before = meters.counter("livehall.aftercommit.failures", "what", "test-failure").count();
        String answer = tx.transactional(afterCommit.run("test-failure", () -> Mono.error(new IllegalStateException("Redis is down")))
                        .thenReturn("committed"))
                .block(Duration.ofSeconds(5));
        assertThat(answer).isEqualTo("committed");
        assertThat(meters.counter("livehall.aftercommit.failures", "what", "test-failure").count()).isEqualTo(before + 1);

        String outside = afterCommit.run("test-failure", () -> Mono.error(new IllegalStateException("again")))
                .thenReturn("no transaction").block(Duration.ofSeconds(5));
        assertThat(outside).isEqualTo("no transaction");
    }
}
