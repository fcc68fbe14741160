package io.livehall.fair;

import io.livehall.common.error.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the fair features ({@code fair.screening}, {@code .listing}, {@code .matching}, {@code .meeting},
 * {@code .pipeline}) know of fairs and participants, and the rules of who sees what:
 * <ul>
 * <li>{@code runBy}: a fair the person created or co-organises (admins: any); 404 "对接会" otherwise, so a feature
 * never tells apart "not there" from "not yours";</li>
 * <li>{@code visibleTo}: a published public fair is visible to all; a draft only to its organisers; a closed-door fair
 * only to its organisers and to enterprises registered for it (invited); 404 to anyone else;</li>
 * <li>{@code approvedParticipantOf}: the caller's enterprise's participant record if the organisers approved it;
 * 403 otherwise (participants see only approved counterparts, and only once approved themselves).</li>
 * </ul>
 */
@Component
public class Fairs {

    private static final String FAIR = "对接会";

    private final FairRepository repository;

    Fairs(FairRepository repository) {
        this.repository = repository;
    }

    /** A fair by id; empty when there is none. */
    public Mono<Fair> find(long fairId) {
        return repository.fair(fairId);
    }

    /** A fair this person runs; 404 otherwise. */
    public Mono<Fair> runBy(FairStaff who, long fairId) {
        return repository.fair(fairId)
                .filterWhen(fair -> who.admin() ? Mono.just(true) : repository.organises(fairId, who.userId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(FAIR)));
    }

    /** Whether this person runs the fair (false for unknown ids). */
    public Mono<Boolean> runs(FairStaff who, long fairId) {
        return runBy(who, fairId).hasElement().onErrorReturn(ApiProblem.class, false);
    }

    /**
     * The ids of the fairs this organiser runs (created or co-organised), newest first; admins run every fair (as
     * {@link #runBy} says), so theirs are all fairs' ids: the KPIs across fairs and the combined directory cover all.
     */
    public Flux<Long> idsRunBy(FairStaff who) {
        return who.admin() ? repository.allIds() : repository.organisedBy(who.userId());
    }

    /**
     * The fair if this caller may see it ({@code who} null for a guest; a staff value for any account, built from its
     * token — an account that is no organiser simply runs nothing); 404 otherwise.
     */
    public Mono<Fair> visibleTo(long fairId, FairStaff who) {
        return repository.fair(fairId)
                .filterWhen(fair -> {
                    if (fair.status() == FairStatus.PUBLISHED && fair.visibility() == FairVisibility.PUBLIC) {
                        return Mono.just(true);
                    }
                    if (who == null) {
                        return Mono.just(false);
                    }
                    Mono<Boolean> staff = who.admin() ? Mono.just(true) : repository.organises(fairId, who.userId());
                    if (fair.status() != FairStatus.PUBLISHED) {
                        return staff;
                    }
                    return staff.flatMap(runs -> runs ? Mono.just(true)
                            : repository.participantOfUser(fairId, who.userId()).hasElement());
                })
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(FAIR)));
    }

    /** A participant by id; empty when there is none. */
    public Mono<Participant> participant(long participantId) {
        return repository.participant(participantId);
    }

    /** The participant record of the user's enterprise at that fair, in any status; empty if it has none. */
    public Mono<Participant> participantOf(long fairId, long userId) {
        return repository.participantOfUser(fairId, userId);
    }

    /** The user's enterprise's participant record if approved; 403 otherwise. */
    public Mono<Participant> approvedParticipantOf(long fairId, long userId) {
        return repository.participantOfUser(fairId, userId)
                .filter(Participant::approved)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN, "fair-approval-required",
                        "你的企业通过本场对接会的审核后才能使用此功能")));
    }

    /**
     * {@code visibleTo} and {@code approvedParticipantOf} in one statement: the id of the caller's enterprise's
     * approved participant record at a fair the caller may see; 404 for a fair they may not see, 403 until approved.
     */
    public Mono<Long> approvedParticipantIdAt(long fairId, FairStaff who) {
        return repository.access(fairId, who.userId())
                .filter(a -> (a.status() == FairStatus.PUBLISHED && a.visibility() == FairVisibility.PUBLIC)
                        || who.admin() || a.runs() || (a.status() == FairStatus.PUBLISHED && a.participantId() != null))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(FAIR)))
                .filter(a -> a.participantStatus() == ParticipantStatus.APPROVED)
                .map(FairRepository.Access::participantId)
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN, "fair-approval-required",
                        "你的企业通过本场对接会的审核后才能使用此功能")));
    }

    /** The approved participants of a fair, by id. */
    public Flux<Participant> approved(long fairId) {
        return repository.approved(fairId);
    }
}
