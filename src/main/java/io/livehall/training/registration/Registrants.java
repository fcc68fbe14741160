package io.livehall.training.registration;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What other training features know of a series' registrations (attendance: how many are registered). */
@Component
public class Registrants {

    private final RegistrationRepository repository;

    Registrants(RegistrationRepository repository) {
        this.repository = repository;
    }

    /** People holding a confirmed place in the series. */
    public Mono<Long> confirmed(long seriesId) {
        return repository.counts(seriesId).map(c -> c.getOrDefault(RegistrationState.CONFIRMED, 0L));
    }

    /** Confirmed places in every series ({@code all}) or in the given ones, summed: one query whatever their number. */
    public Mono<Long> confirmed(boolean all, java.util.List<Long> seriesIds) {
        return repository.confirmed(all, seriesIds);
    }
}
