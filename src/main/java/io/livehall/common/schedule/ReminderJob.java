package io.livehall.common.schedule;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminders sent exactly once however many instances run, as a periodic job: each run, in one transaction, claims the
 * due reminders ({@link #claimDue}: {@code insert … on conflict do nothing returning} into the feature's table of
 * sent reminders, so two instances never claim the same one) and writes each one's notification ({@link #remind});
 * a run that fails rolls its claims back, so nothing is lost. After the commit each claimed reminder may go out
 * through channels that cannot roll back ({@link #afterCommit}, e.g. an SMS).
 *
 * @param <T> a claimed reminder
 */
public abstract class ReminderJob<T> extends PeriodicJob {

    private final TransactionalOperator tx;
    private final Clock clock;

    protected ReminderJob(TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        super(meters);
        this.tx = tx;
        this.clock = clock;
    }

    /** Claims the reminders due at {@code now} (a bounded batch), inside the run's transaction. */
    protected abstract Flux<T> claimDue(Instant now);

    /** Writes the claimed reminder's notification, inside the run's transaction. */
    protected abstract Mono<Void> remind(T claimed, Instant now);

    /** Sends the reminder where a transaction cannot reach, once the claims are committed; nothing by default. */
    protected Mono<Void> afterCommit(T claimed) {
        return Mono.empty();
    }

    @Override
    protected Mono<?> runOnce() {
        return sendDue();
    }

    /** One run: claims and reminds in one transaction, then {@link #afterCommit}; answers how many it sent. */
    public Mono<Integer> sendDue() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return tx.transactional(claimDue(now).concatMap(claimed -> remind(claimed, now).thenReturn(claimed))
                            .collectList())
                    .flatMap(sent -> Flux.fromIterable(sent).concatMap(this::afterCommit).then(Mono.just(sent.size())));
        });
    }
}
