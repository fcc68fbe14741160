package io.livehall.training.registration;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.livehall.common.events.AfterCommit;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves the waiting list up when places free (a confirmed person cancels, the organiser raises the capacity or opens
 * the series): called inside the transaction that holds the series' settings lock, so the places counted are the
 * places given, and each person moved up is told in the same transaction. Confirmed places given or freed are counted
 * on the organisers' dashboard ({@link #counted}) once the transaction commits.
 */
@Component
class Placement {

    /** how many a single change moves up at most (an organiser opening a series with a long waiting list) */
    static final long MAX_MOVED = 100_000;

    private final RegistrationRepository repository;
    private final RegistrationNotices notices;
    private final Clock clock;
    private final Tally tally;
    private final AfterCommit afterCommit;

    Placement(RegistrationRepository repository, RegistrationNotices notices, Clock clock, Tally tally,
              AfterCommit afterCommit) {
        this.tally = tally;
        this.afterCommit = afterCommit;
        this.repository = repository;
        this.notices = notices;
        this.clock = clock;
    }

    /** The state a new registration takes under these settings (inside the lock). */
    Mono<RegistrationState> placeFor(RegistrationSettings s) {
        return switch (s.mode()) {
            case OPEN -> Mono.just(RegistrationState.CONFIRMED);
            case APPROVAL -> Mono.just(RegistrationState.PENDING);
            case CAPACITY -> repository.confirmed(s.seriesId())
                    .map(n -> n < s.capacity() ? RegistrationState.CONFIRMED : RegistrationState.WAITLISTED);
        };
    }

    /** Fills free places from the waiting list, first come first served; answers how many moved up. */
    Mono<Long> fill(RegistrationSettings s, String seriesTitle) {
        Mono<Long> free = switch (s.mode()) {
            case OPEN -> Mono.just(MAX_MOVED);
            case CAPACITY -> repository.confirmed(s.seriesId()).map(n -> Math.min(MAX_MOVED, s.capacity() - n));
            case APPROVAL -> Mono.just(0L);
        };
        return free.flatMapMany(n -> n <= 0 ? Flux.empty() : repository.firstWaiting(s.seriesId(), n))
                .concatMap(r -> repository.move(r.id(), List.of(RegistrationState.WAITLISTED), RegistrationState.CONFIRMED,
                                null, clock.instant())
                        .flatMap(rows -> counted(r.seriesId(), rows))
                        .then(notices.movedUp(r.userId(), r.seriesId(), seriesTitle)).thenReturn(r))
                .count();
    }

    /** {@code n} confirmed places given (freed: negative) in a series, told to the dashboard after the commit. */
    Mono<Void> counted(long seriesId, long n) {
        if (n == 0) {
            return Mono.empty();
        }
        return afterCommit.run("training-registration-tally",
                () -> tally.add(Tally.training(seriesId), Map.of(Measure.REGISTRATIONS, n)));
    }
}
