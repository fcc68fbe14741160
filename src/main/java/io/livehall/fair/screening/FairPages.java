package io.livehall.fair.screening;

import java.time.Clock;

import io.livehall.common.error.ApiProblem;
import io.livehall.fair.Fair;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairStatus;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.Fairs;
import io.livehall.fair.screening.FairViews.Detail;
import io.livehall.fair.screening.FairViews.Mine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A fair's page as the home page and the organisers' editor show it, and the rules every side shares. */
@Component
class FairPages {

    private final FairQueries queries;
    private final FairStore store;
    private final Fairs fairs;
    private final Clock clock;

    FairPages(FairQueries queries, FairStore store, Fairs fairs, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.fairs = fairs;
        this.clock = clock;
    }

    /** The page of a fair the caller may see; {@code userId} null for a guest. */
    Mono<Detail> detail(long fairId, Long userId, boolean runs) {
        Mono<Mine> mine = userId == null ? Mono.empty() : fairs.participantOf(fairId, userId)
                .map(p -> new Mine(p.id(), p.status(), p.role(), p.reason()));
        return fairs.find(fairId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("对接会")))
                .flatMap(fair -> Mono.zip(queries.card(fairId), store.agenda(fairId).collectList(),
                                store.organisers(fairId).collectList(), store.participants(fairId, false))
                        .flatMap(t -> mine.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .map(m -> new Detail(t.getT1(), fair.summary(), t.getT2(), t.getT3(), t.getT4(),
                                        open(fair), m.orElse(null), runs))));
    }

    /** Whether the fair takes registrations now: published and not ended. */
    boolean open(Fair fair) {
        return fair.status() == FairStatus.PUBLISHED && !fair.endedAt(clock.instant());
    }

    /** Whether an enterprise may take part in this kind of fair in this role: roadshows have projects and investors. */
    static boolean fits(FairKind kind, ParticipantRole role) {
        boolean roadshowRole = role == ParticipantRole.PROJECT || role == ParticipantRole.INVESTOR;
        return (kind == FairKind.ROADSHOW) == roadshowRole;
    }
}
