package io.livehall.fair.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.livehall.common.error.ApiProblem;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.screening.FairViews.CreatedInvitation;
import io.livehall.fair.screening.FairViews.Invitation;
import io.livehall.fair.screening.FairViews.Invited;
import io.livehall.fair.screening.InvitationRepository.Found;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Invitation links of a fair (closed-door fairs need one; a public fair's invitees are marked invited): a random
 * 192-bit token, shown to the organisers once and stored only as its SHA-256; usable {@code maxUses} times until
 * revoked. An unknown, revoked or used-up token answers 404 like a fair one may not see.
 */
@Service
class Invitations {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository repository;
    private final FairQueries queries;
    private final FairPages pages;
    private final Fairs fairs;
    private final Clock clock;

    Invitations(InvitationRepository repository, FairQueries queries, FairPages pages, Fairs fairs, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.pages = pages;
        this.fairs = fairs;
        this.clock = clock;
    }

    Mono<CreatedInvitation> create(FairStaff who, long fairId, InvitationRequest r) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return fairs.runBy(who, fairId)
                .then(Mono.defer(() -> repository.insert(fairId, hash(token), r, who.userId(), clock.instant())))
                .map(invitation -> new CreatedInvitation(invitation, token, "/fairs/" + fairId + "/register?invite=" + token));
    }

    Mono<List<Invitation>> list(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).thenMany(repository.ofFair(fairId)).collectList();
    }

    Mono<List<Invitation>> revoke(FairStaff who, long fairId, long invitationId) {
        return fairs.runBy(who, fairId)
                .then(Mono.defer(() -> repository.revoke(fairId, invitationId, clock.instant())))
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("邀请链接")))
                .then(list(who, fairId));
    }

    /** What a link shows: the fair (published, not ended) and whom the link is for; 404 otherwise. */
    Mono<Invited> resolve(String token) {
        return usable(token)
                .flatMap(found -> fairs.find(found.fairId()).filter(pages::open)
                        .flatMap(fair -> queries.card(fair.id()).map(card -> new Invited(card, fair.summary(), found.note()))))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("邀请链接")));
    }

    /** A live invitation of this fair; 404 otherwise. */
    Mono<Found> usableFor(String token, long fairId) {
        return usable(token).filter(found -> found.fairId() == fairId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("邀请链接")));
    }

    private Mono<Found> usable(String token) {
        if (token == null || !TOKEN.matcher(token.strip()).matches()) {
            return Mono.empty();
        }
        return repository.find(hash(token.strip())).filter(Found::usable);
    }

    /** Takes a use, race-safe, in the registration's transaction; 409 when the last use went meanwhile. */
    Mono<Void> use(long invitationId) {
        return repository.use(invitationId).flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(ApiProblem.conflict("invitation-used", "invitation", "邀请链接已失效")));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
