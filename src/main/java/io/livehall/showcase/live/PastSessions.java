package io.livehall.showcase.live;

import java.util.List;
import java.util.Optional;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.live.LiveSessionViews.SessionMerchant;
import io.livehall.showcase.live.PastSessionViews.AfterLive;
import io.livehall.showcase.live.PastSessionViews.PastCard;
import io.livehall.showcase.live.PastSessionViews.Replay;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.merchant.MerchantRef;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * After the live: the figures an ended session keeps (likes and sales next to the audience figures), 往期直播, the
 * ended room's offer (replay, the merchant's next session, some products) and the merchant's replay link.
 */
@Service
class PastSessions {

    /** how many of the merchant's products an ended room offers */
    static final int OFFERED_PRODUCTS = 6;
    private static final Log log = LogFactory.getLog(PastSessions.class);

    private final PastSessionRepository past;
    private final LiveSessionRepository sessions;
    private final LiveRoomChat chat;
    private final LiveSales sales;
    private final ProductCatalogue catalogue;
    private final MerchantAccess merchants;

    PastSessions(PastSessionRepository past, LiveSessionRepository sessions, LiveRoomChat chat, LiveSales sales,
                 ProductCatalogue catalogue, MerchantAccess merchants) {
        this.past = past;
        this.sessions = sessions;
        this.chat = chat;
        this.sales = sales;
        this.catalogue = catalogue;
        this.merchants = merchants;
    }

    /**
     * The room's likes (Redis) and the session's sales (orders) as they stand now, to keep once the session ended.
     * Read before the end so that a failure of either is logged and stored as zero: a session can always end.
     */
    Mono<Kept> tally(long id) {
        Mono<Long> likes = chat.likes(id).onErrorResume(e -> {
            log.warn("Likes of live session " + id + " unavailable at its end; storing 0", e);
            return Mono.just(0L);
        });
        Mono<LiveSales.Totals> totals = sales.of(id).onErrorResume(e -> {
            log.warn("Sales of live session " + id + " unavailable at its end; storing 0", e);
            return Mono.just(LiveSales.Totals.NONE);
        });
        return Mono.zip(likes, totals).map(t -> new Kept(t.getT1(), t.getT2()));
    }

    /** Stores a tally on the session that has just ended (in the caller's transaction). */
    Mono<Void> keep(long id, Kept kept) {
        return past.keep(id, kept.likes(), kept.sales()).then();
    }

    Mono<Page<PastCard>> list(String after, Integer limit) {
        int size = PageRequest.of(null, limit).limit();
        return past.past(PastCursor.parse(after), size).collectList()
                .flatMap(rows -> {
                    Page<PastSessionRepository.PastRow> page = Page.of(rows, size, r -> PastCursor.of(r.endedAt(), r.id()));
                    List<Long> ids = page.items().stream().map(PastSessionRepository.PastRow::merchantId).distinct().toList();
                    return merchants.displayNames(ids).map(names -> page.map(r -> new PastCard(r.id(), r.title(),
                            r.coverFileId(), r.startedAt(), r.endedAt(),
                            new SessionMerchant(r.merchantId(), names.getOrDefault(r.merchantId(), "")),
                            r.productCount(), r.figures(), r.replayUrl())));
                });
    }

    /** What the room of session {@code id} offers after the live; 404 if there is no such session. */
    Mono<AfterLive> afterLive(long id) {
        return sessions.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(s -> Mono.zip(
                        past.replay(id, null).map(r -> Optional.ofNullable(r[1])),
                        past.next(s.merchantId(), id).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        catalogue.onSale(s.merchantId(), OFFERED_PRODUCTS).collectList())
                        .map(t -> new AfterLive(id, t.getT1().orElse(null), t.getT2().orElse(null), t.getT3())));
    }

    Mono<Replay> replay(long userId, long id) {
        return merchant(userId).flatMap(m -> past.replay(id, m.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .map(r -> new Replay(id, r[1]));
    }

    /** Sets ({@code url}) or clears (null) the replay link of the merchant's ended session: 404 not its own, 409 not ended. */
    Mono<Replay> setReplay(long userId, long id, String url) {
        String value = url == null ? null : url.strip();
        return merchant(userId).flatMap(m -> past.setReplay(id, m.id(), value)
                .flatMap(rows -> rows == 1 ? Mono.just(new Replay(id, value)) : refusal(id, m.id())));
    }

    private Mono<Replay> refusal(long id, long merchantId) {
        return past.replay(id, merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(r -> Mono.error(new ApiProblem(HttpStatus.CONFLICT, "live-session-state",
                        "直播" + LiveStatus.valueOf(r[0]).label() + "，结束后才能设置回放")));
    }

    private Mono<MerchantRef> merchant(long userId) {
        return merchants.merchantOf(userId).switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                "not-a-merchant", "您所在的企业还不是入驻商家")));
    }

    /** Likes and sales of a session at its end. */
    record Kept(long likes, LiveSales.Totals sales) {
    }
}
