package io.livehall.fair.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.screening.FairViews.CreatedInvitation;
import io.livehall.fair.screening.FairViews.Invitation;
import io.livehall.fair.screening.FairViews.Invited;
import io.livehall.fair.screening.FairViews.KnownEnterprise;
import io.livehall.fair.screening.InvitationRepository.Found;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invitation links of a fair (closed-door fairs need one; a public fair's invitees are marked invited): a random
 * 192-bit token, shown to the organisers once and stored only as its SHA-256. A shared link is usable
 * {@code maxUses} times until revoked; a named one is one enterprise's (a known enterprise's: only its people may use
 * it), usable once until it expires, and notes when it was first opened. An unknown token answers 404 like a fair
 * one may not see; a revoked, expired or used one 410 saying which.
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
        String token = token();
        return fairs.runBy(who, fairId)
                .then(Mono.defer(() -> repository.insert(fairId, hash(token), r, who.userId(), clock.instant())))
                .map(invitation -> created(fairId, invitation, token));
    }

    /** A named invitation: a known enterprise (by id), or a name with a phone or an e-mail. */
    Mono<CreatedInvitation> createNamed(FairStaff who, long fairId, NamedInvitationRequest r) {
        String token = token();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(r.days()));
        return fairs.runBy(who, fairId).then(Mono.defer(() -> {
            if (r.enterpriseId() != null) {
                return fairs.idsRunBy(who).collectList().flatMap(ids -> repository.knownName(ids.toArray(Long[]::new),
                                r.enterpriseId()))
                        .switchIfEmpty(Mono.error(() -> invalid("enterpriseId", "请从贵方对接会的参会企业中选择")));
            }
            if (r.name() == null) {
                return Mono.error(invalid("inviteeName", "请填写受邀企业名称"));
            }
            if (r.phone() == null && r.email() == null) {
                return Mono.error(invalid("contactPhone", "请填写联系电话或邮箱"));
            }
            return Mono.just(r.name());
        })).flatMap(name -> repository.insertNamed(fairId, hash(token), name, r.enterpriseId(), r.phone(), r.email(),
                        expires, who.userId(), now))
                .map(invitation -> created(fairId, invitation, token));
    }

    /** Enterprises the organisers know (registered for a fair they run) whose names hold {@code q}. */
    Flux<KnownEnterprise> known(FairStaff who, long fairId, String q) {
        return fairs.runBy(who, fairId).thenMany(fairs.idsRunBy(who).collectList()
                .flatMapMany(ids -> repository.known(ids.toArray(Long[]::new), q.strip())));
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

    /** What a link shows: the fair (published, not ended) and whom the link is for; notes the first opening. */
    Mono<Invited> resolve(String token) {
        return usable(token)
                .flatMap(found -> fairs.find(found.fairId()).filter(pages::open)
                        .flatMap(fair -> repository.opened(found.id(), clock.instant())
                                .then(queries.card(fair.id()))
                                .map(card -> new Invited(card, fair.summary(), found.note()))))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("邀请链接")));
    }

    /** A live invitation of this fair; 404 when unknown or another fair's, 410 when revoked, expired or used. */
    Mono<Found> usableFor(String token, long fairId) {
        return usable(token).filter(found -> found.fairId() == fairId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("邀请链接")));
    }

    /** As {@link #usableFor}, and a named invitation of a known enterprise only for that enterprise (403). */
    Mono<Found> usableBy(String token, long fairId, long enterpriseId) {
        return usableFor(token, fairId).flatMap(found -> found.enterpriseId() == null
                || found.enterpriseId() == enterpriseId ? Mono.just(found)
                : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "invitation-for-another",
                        "该邀请链接是发给「" + found.inviteeName() + "」的，贵企业不能使用")));
    }

    private Mono<Found> usable(String token) {
        if (token == null || !TOKEN.matcher(token.strip()).matches()) {
            return Mono.empty();
        }
        return repository.find(hash(token.strip())).flatMap(found -> {
            if (found.revokedAt() != null) {
                return Mono.error(gone("邀请链接已被主办方撤销"));
            }
            if (found.expiresAt() != null && !found.expiresAt().isAfter(clock.instant())) {
                return Mono.error(gone("邀请链接已过期，请联系主办方重新邀请"));
            }
            if (found.usedUp()) {
                return Mono.error(gone(found.inviteeName() == null ? "邀请链接的可用次数已用完" : "该邀请已用于报名"));
            }
            return Mono.just(found);
        });
    }

    /** Takes a use, race-safe, in the registration's transaction; 409 when the last use went meanwhile. */
    Mono<Void> use(long invitationId) {
        return repository.use(invitationId, clock.instant()).flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(ApiProblem.conflict("invitation-used", "invitation", "邀请链接已失效")));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static CreatedInvitation created(long fairId, Invitation invitation, String token) {
        return new CreatedInvitation(invitation, token, "/fairs/" + fairId + "/register?invite=" + token);
    }

    private static ApiProblem gone(String detail) {
        return new ApiProblem(HttpStatus.GONE, "invitation-unusable", detail);
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }
}
