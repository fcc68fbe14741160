package io.livehall.showcase.live;

import java.time.Clock;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.realtime.presence.Presence;
import io.livehall.realtime.presence.Viewers;
import io.livehall.showcase.ShowcaseDestinations;
import io.livehall.showcase.catalogue.LineupProduct;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.live.LiveSessionViews.Card;
import io.livehall.showcase.live.LiveSessionViews.Detail;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.merchant.MerchantRef;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A merchant's sessions: schedule, edit and cancel while scheduled, go live, end, pin. Only the owning
 * merchant may touch a session (someone else's answers 404); scheduling, editing and going live need a
 * trading merchant, pinning an active one. State changes are conditional updates, so a repeated or raced
 * change answers 409. Suspending a merchant ends its live sessions ({@link #endAllOf}).
 */
@Service
class LiveSessionService {

    private static final Log log = LogFactory.getLog(LiveSessionService.class);

    private final LiveSessionRepository sessions;
    private final LiveSessionQueries queries;
    private final ScheduleCheck check;
    private final MerchantAccess merchants;
    private final LiveReminders reminders;
    private final PinnedProducts pinned;
    private final OnAir onAir;
    private final Presence presence;
    private final PastSessions past;
    private final ProductCatalogue catalogue;
    private final TransactionalOperator tx;
    private final AfterCommit afterCommit;
    private final Clock clock;

    LiveSessionService(LiveSessionRepository sessions, LiveSessionQueries queries, ScheduleCheck check,
                       MerchantAccess merchants, LiveReminders reminders, PinnedProducts pinned, OnAir onAir,
                       Presence presence, PastSessions past, ProductCatalogue catalogue, TransactionalOperator tx,
                       AfterCommit afterCommit, Clock clock) {
        this.sessions = sessions;
        this.queries = queries;
        this.check = check;
        this.merchants = merchants;
        this.reminders = reminders;
        this.pinned = pinned;
        this.onAir = onAir;
        this.presence = presence;
        this.past = past;
        this.catalogue = catalogue;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    Mono<Page<Card>> mine(long userId, PageRequest page) {
        return merchant(userId).flatMap(m -> queries.ofMerchant(m.id(), page));
    }

    /** What the merchant may put in a lineup: its on-sale products. */
    Mono<List<LineupProduct>> lineupOptions(long userId) {
        return merchant(userId).flatMap(m -> catalogue.onSale(m.id(), 200).collectList());
    }

    Mono<Detail> one(long userId, long id) {
        return merchant(userId).flatMap(m -> own(id, m.id())).flatMap(s -> queries.detail(s, null));
    }

    Mono<Detail> schedule(long userId, ScheduleRequest r) {
        return merchants.requireTrading(userId)
                .flatMap(m -> check.check(r, m.id())
                        .then(tx.transactional(sessions.insert(m.id(), r)
                                .flatMap(id -> sessions.replaceLineup(id, r.productIds()).thenReturn(id)))))
                .flatMap(this::changed);
    }

    Mono<Detail> edit(long userId, long id, ScheduleRequest r) {
        return merchants.requireTrading(userId)
                .flatMap(m -> own(id, m.id())
                        .flatMap(s -> s.status() == LiveStatus.SCHEDULED ? Mono.just(s) : conflict(s, "修改"))
                        .then(check.check(r, m.id()))
                        .then(tx.transactional(sessions.update(id, m.id(), r)
                                .flatMap(rows -> rows == 1 ? sessions.replaceLineup(id, r.productIds())
                                        : refusal(id, m.id(), "修改")))))
                .then(Mono.defer(() -> changed(id)));
    }

    Mono<Detail> cancel(long userId, long id) {
        return merchant(userId)
                .flatMap(m -> sessions.transition(id, m.id(), LiveStatus.SCHEDULED, LiveStatus.CANCELLED)
                        .switchIfEmpty(refusal(id, m.id(), "取消")))
                .flatMap(s -> told(s).then(queries.detail(s, null)));
    }

    /**
     * Goes live; in the same transaction everyone who asked to be reminded is claimed and their notification queued
     * in the outbox (delivered after the commit, at least once). Rooms are told after the commit, best effort.
     * A merchant has one session live at a time unless an organiser allowed more: past its allowance 409.
     */
    Mono<Detail> goLive(long userId, long id) {
        return merchants.requireTrading(userId).flatMap(m -> tx.transactional(
                        withinLiveAllowance(m.id(), id)
                                .then(sessions.transition(id, m.id(), LiveStatus.SCHEDULED, LiveStatus.LIVE))
                                .switchIfEmpty(refusal(id, m.id(), "开播"))
                                .flatMap(s -> reminders.claimAndNotify(s, m.displayName(), clock.instant()).thenReturn(s)))
                .flatMap(s -> afterCommit.run("live-status", () -> onAir.changed(s).then(pinned.clear(id)))
                        .then(queries.detail(s, null))));
    }

    /**
     * 409 {@code live-allowance} when the merchant already has as many other sessions live as it may; the merchant's
     * row stays locked until the transaction ends, so two sessions going live at once are counted one at a time.
     */
    private Mono<Void> withinLiveAllowance(long merchantId, long id) {
        return merchants.lockLiveAllowance(merchantId)
                .zipWith(sessions.liveOf(merchantId).filter(other -> other != id).count())
                .flatMap(t -> t.getT2() < t.getT1() ? Mono.<Void>empty()
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "live-allowance", t.getT1() == 1
                                ? "已有一场直播正在进行，请先下播再开播这一场"
                                : "已有 " + t.getT2() + " 场直播正在进行，达到主办方允许的同时开播场次上限（" + t.getT1() + " 场）")));
    }

    /**
     * Puts the lineup in a new order (the same products), while the session is scheduled or live: rooms show
     * it in this order. 400 with a field error when the ids are not exactly the lineup's.
     */
    Mono<Detail> reorder(long userId, long id, List<Long> productIds) {
        return merchant(userId)
                .flatMap(m -> own(id, m.id()))
                .flatMap(s -> s.status() == LiveStatus.SCHEDULED || s.status() == LiveStatus.LIVE ? Mono.just(s)
                        : conflict(s, "调整商品顺序"))
                .flatMap(s -> sessions.lineup(id).collectList().flatMap(current -> {
                    if (current.size() != productIds.size() || !new java.util.HashSet<>(current).equals(new java.util.HashSet<>(productIds))) {
                        return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-lineup-order",
                                "商品顺序须包含本场的全部商品，且每件只出现一次",
                                List.of(new io.livehall.common.error.FieldProblem("productIds", "商品顺序须包含本场的全部商品，且每件只出现一次"))));
                    }
                    return tx.transactional(sessions.reorderLineup(id, productIds)).thenReturn(s);
                }))
                .flatMap(s -> told(s).then(queries.detail(s, null)));
    }

    /** Ends a live session and keeps its audience figures (peak, unique viewers, watch time) from presence, its likes and sales. */
    Mono<Detail> end(long userId, long id) {
        return merchant(userId)
                .flatMap(m -> own(id, m.id())
                        .flatMap(s -> s.status() == LiveStatus.LIVE ? Mono.just(s) : conflict(s, "下播"))
                        .then(Mono.zip(figures(id), past.tally(id)))
                        .flatMap(t -> ended(id, m.id(), t.getT1(), t.getT2()))
                        .switchIfEmpty(refusal(id, m.id(), "下播")))
                .flatMap(s -> afterCommit.run("live-status", () -> onAir.changed(s).then(pinned.clear(id)))
                        .then(queries.detail(s, null)));
    }

    /** Pins a lineup product; a suspended merchant may not (403), though it may still unpin and end. */
    Mono<PinnedProduct> pin(long userId, long id, long productId) {
        return merchants.requireActive(userId).flatMap(m -> pinned.pin(id, m.id(), productId));
    }

    Mono<Void> unpin(long userId, long id) {
        return merchant(userId).flatMap(m -> pinned.unpin(id, m.id()));
    }

    /**
     * Ends every live session of a merchant that was suspended, as its own "下播" would (audience figures kept,
     * rooms told, pinned product cleared). Sessions still scheduled stay scheduled: going live needs an active
     * merchant, and the public schedule hides them meanwhile.
     */
    Mono<Void> endAllOf(long merchantId) {
        return sessions.liveOf(merchantId)
                .concatMap(id -> Mono.zip(figures(id), past.tally(id)).flatMap(t -> ended(id, merchantId, t.getT1(), t.getT2()))
                        .flatMap(s -> afterCommit.run("live-status", () -> onAir.changed(s).then(pinned.clear(id)))))
                .then();
    }

    /** Ends the session keeping its audience figures, likes and sales, in one transaction; empty if it was not live. */
    private Mono<LiveSession> ended(long id, long merchantId, Viewers figures, PastSessions.Kept kept) {
        return tx.transactional(sessions.end(id, merchantId, figures)
                .flatMap(s -> past.keep(id, kept).thenReturn(s)));
    }

    /** The room's audience now; zeros (logged) if presence cannot answer, so a session can always end. */
    private Mono<Viewers> figures(long id) {
        return presence.viewers(ShowcaseDestinations.ROOM_TYPE, String.valueOf(id))
                .onErrorResume(e -> {
                    log.warn("Presence figures of live session " + id + " unavailable at its end; storing zeros", e);
                    return Mono.empty();
                })
                .defaultIfEmpty(new Viewers("live:" + id, 0, 0, 0, 0, clock.instant()));
    }

    /** Rooms and the status cache learn of a committed transition (best effort: the change is committed). */
    private Mono<Void> told(LiveSession s) {
        return afterCommit.run("live-status", () -> onAir.changed(s));
    }

    private Mono<Detail> changed(long id) {
        return sessions.find(id).flatMap(s -> told(s).then(queries.detail(s, null)));
    }

    /** The user's merchant (any status: a suspended merchant may still end or look at its sessions). */
    private Mono<MerchantRef> merchant(long userId) {
        return merchants.merchantOf(userId).switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                "not-a-merchant", "您所在的企业还不是入驻商家")));
    }

    /** The merchant's session; 404 when there is none or it is someone else's. */
    private Mono<LiveSession> own(long id, long merchantId) {
        return sessions.find(id).filter(s -> s.merchantId() == merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")));
    }

    /** Why a conditional update changed nothing: 404 (none, or not the merchant's) or 409 (wrong state). */
    private <T> Mono<T> refusal(long id, long merchantId, String action) {
        return own(id, merchantId).flatMap(s -> conflict(s, action));
    }

    private static <T> Mono<T> conflict(LiveSession s, String action) {
        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "live-session-state",
                "直播" + s.status().label() + "，不能" + action));
    }
}
