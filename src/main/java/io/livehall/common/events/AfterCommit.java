package io.livehall.common.events;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one policy for best-effort side effects of a committed change (publishing a topic, evicting a cache): they run
 * once the current transaction commits (at once when there is none), and they never fail the caller: the change is
 * committed, so a side effect that fails or takes longer than {@link #TIMEOUT} is logged and counted
 * ({@code livehall.aftercommit.failures{what}}) and the caller carries on. Side effects that must arrive go through the
 * transactional outbox instead ({@code common/outbox/Outbox}).
 */
@Component
public class AfterCommit {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Log log = LogFactory.getLog(AfterCommit.class);

    private final MeterRegistry meters;

    AfterCommit(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Runs {@code effect} after the current transaction commits, or now. Inside a transaction the returned Mono
     * completes at once and the effect runs as part of the commit; outside one it completes when the effect is done.
     */
    public Mono<Void> run(String what, Supplier<? extends Publisher<?>> effect) {
        Mono<Void> guarded = Mono.defer(() -> Flux.from(effect.get()).then())
                .timeout(TIMEOUT)
                .onErrorResume(e -> {
                    meters.counter("livehall.aftercommit.failures", "what", what).increment();
                    log.warn("After-commit " + what + " failed (the change itself is committed): " + e);
                    return Mono.empty();
                });
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(sync -> {
                    if (!sync.isSynchronizationActive()) {
                        return guarded;
                    }
                    sync.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return guarded;
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, e -> guarded);
    }
}
