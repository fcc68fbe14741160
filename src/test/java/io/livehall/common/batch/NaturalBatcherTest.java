package io.livehall.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class NaturalBatcherTest {

    /** Writes that finish when the test says so; each answers its values doubled. */
    private final List<List<Integer>> written = new CopyOnWriteArrayList<>();
    private final List<Sinks.Empty<Void>> pending = new CopyOnWriteArrayList<>();

    private Mono<Void> write(List<NaturalBatcher.Request<Integer, Integer>> batch) {
        written.add(batch.stream().map(NaturalBatcher.Request::value).toList());
        Sinks.Empty<Void> done = Sinks.empty();
        pending.add(done);
        return done.asMono().doOnSuccess(v -> batch.forEach(r -> r.sink().success(r.value() * 2)));
    }

    @Test
    void underLightLoadEachValueIsWrittenAtOnceAlone() {
        NaturalBatcher<Integer, Integer> batcher = new NaturalBatcher<>(2, 10, this::write);

        StepVerifier.create(batcher.submit(1)).then(() -> pending.get(0).tryEmitEmpty()).expectNext(2).verifyComplete();
        StepVerifier.create(batcher.submit(2)).then(() -> pending.get(1).tryEmitEmpty()).expectNext(4).verifyComplete();

        assertThat(written).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void valuesArrivingWhileAllWritesRunGoTogetherInOrderUpToTheMaximum() {
        NaturalBatcher<Integer, Integer> batcher = new NaturalBatcher<>(1, 3, this::write);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 6; i++) {
            batcher.submit(i).subscribe(answers::add);
        }
        assertThat(written).containsExactly(List.of(1));

        pending.get(0).tryEmitEmpty();
        assertThat(written).containsExactly(List.of(1), List.of(2, 3, 4));
        pending.get(1).tryEmitEmpty();
        assertThat(written).containsExactly(List.of(1), List.of(2, 3, 4), List.of(5, 6));
        pending.get(2).tryEmitEmpty();

        assertThat(answers).containsExactly(2, 4, 6, 8, 10, 12);
    }

    @Test
    void aFailedWriteFailsItsValuesAndTheNextBatchStillGoes() {
        List<String> outcomes = new ArrayList<>();
        NaturalBatcher<Integer, Integer> batcher = new NaturalBatcher<>(1, 10, batch -> {
            if (batch.get(0).value() < 0) {
                return Mono.error(new IllegalStateException("redis gone"));
            }
            batch.forEach(r -> r.sink().success(r.value()));
            return Mono.empty();
        });

        batcher.submit(-1).subscribe(v -> outcomes.add("ok " + v), e -> outcomes.add("failed " + e.getMessage()));
        batcher.submit(5).subscribe(v -> outcomes.add("ok " + v), e -> outcomes.add("failed " + e.getMessage()));

        assertThat(outcomes).containsExactly("failed redis gone", "ok 5");
    }

    @Test
    void refusesAtOnceWhenTooManyWaitForAStalledWrite() {
        NaturalBatcher<Integer, Integer> batcher = new NaturalBatcher<>(1, 2, 3, java.time.Duration.ofMinutes(1), this::write);
        batcher.submit(0).subscribe(); // in flight, never finished: the store stalled
        List<Integer> answers = new CopyOnWriteArrayList<>();
        for (int i = 1; i <= 3; i++) {
            batcher.submit(i).subscribe(answers::add);
        }
        assertThat(batcher.waiting()).isEqualTo(3);

        StepVerifier.create(batcher.submit(4)).expectError(NaturalBatcher.Full.class).verify();

        pending.get(0).tryEmitEmpty();
        pending.get(1).tryEmitEmpty();
        pending.get(2).tryEmitEmpty();
        assertThat(answers).containsExactly(2, 4, 6);
        assertThat(batcher.waiting()).isZero();
    }

    @Test
    void aWriteThatNeverAnswersFailsItsRequestsAfterTheTimeoutAndFreesItsSlot() {
        NaturalBatcher<Integer, Integer> batcher = new NaturalBatcher<>(1, 10, 100, java.time.Duration.ofMillis(200),
                this::write);
        StepVerifier.create(batcher.submit(1))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(java.time.Duration.ofSeconds(5));
        StepVerifier.create(batcher.submit(2)).then(() -> pending.get(1).tryEmitEmpty()).expectNext(4).verifyComplete();
    }
}
