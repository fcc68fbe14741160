package io.livehall.common.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The demo-script runner on the real PostgreSQL: a script runs whole or not at all, only when its data is not there,
 * and waiting for the data it builds on asks again until it appears or gives up.
 */
class DemoScriptTest extends IntegrationTest {

    @BeforeEach
    void table() {
        db.sql("drop table if exists demo_script_test").then()
                .then(db.sql("create table demo_script_test (n int primary key)").then()).block();
    }

    @AfterEach
    void drop() {
        db.sql("drop table if exists demo_script_test").then().block();
    }

    private List<Integer> rows() {
        return db.sql("select n from demo_script_test order by n").map(row -> row.get(0, Integer.class)).all()
                .collectList().block();
    }

    @Test
    void runsOnlyWhenItsDataIsNotThere() {
        DemoScript script = new DemoScript(db, "demo-script-test");
        Mono<Boolean> present = DemoScript.truth(db.sql("select exists (select 1 from demo_script_test where n = :n)")
                .bind("n", 1));
        assertThat(script.runUnless(present).block()).isTrue();
        assertThat(rows()).containsExactly(1, 2);
        assertThat(script.runUnless(present).block()).as("there already").isFalse();
        assertThat(rows()).containsExactly(1, 2);
    }

    @Test
    void aFailingScriptLeavesNothing() {
        new DemoScript(db, "demo-script-test").run().block();
        assertThatThrownBy(() -> new DemoScript(db, "demo-script-broken").run().block())
                .hasMessageContaining("duplicate key");
        assertThat(rows()).as("the script's first statement rolled back with the failing one").containsExactly(1, 2);
    }

    @Test
    void aMissingScriptIsRefusedAtOnce() {
        assertThatThrownBy(() -> new DemoScript(db, "no-such-script")).isInstanceOf(java.io.UncheckedIOException.class);
    }

    /**
     * On a virtual clock of its own: {@code StepVerifier.withVirtualTime} replaced the schedulers of the whole JVM, where
     * other test contexts' periodic jobs run too, and CI once hung there for good.
     */
    @Test
    void awaitingAsksAgainEveryTwoSecondsThenGivesUp() {
        AtomicInteger asked = new AtomicInteger();
        Mono<Boolean> readyOnThird = Mono.fromSupplier(() -> asked.incrementAndGet() >= 3);
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        StepVerifier.create(DemoScript.awaitReady(readyOnThird, 5, "the thing", time))
                .expectSubscription()
                .then(() -> time.advanceTimeBy(Duration.ofSeconds(4)))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(asked).hasValue(3);

        VirtualTimeScheduler later = VirtualTimeScheduler.create();
        StepVerifier.create(DemoScript.awaitReady(Mono.just(false), 2, "the thing", later))
                .expectSubscription()
                .then(() -> later.advanceTimeBy(Duration.ofSeconds(4)))
                .expectErrorMessage("the thing did not appear")
                .verify(Duration.ofSeconds(10));
    }
}
