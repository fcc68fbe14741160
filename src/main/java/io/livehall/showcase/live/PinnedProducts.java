package io.livehall.showcase.live;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.showcase.ShowcaseDestinations;
import io.livehall.showcase.catalogue.LineupProduct;
import io.livehall.showcase.catalogue.ProductCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The "now explaining" product of a live session: stored in {@code live_session.pinned_product_id} (so the
 * session GET shows it to late joiners) and pushed on {@code /topic/live/{id}/pinned} (latest value;
 * {@code null} when unpinned). The topic is published while the row is still locked by the pinning
 * transaction, so two quick pins reach viewers in the order they were stored.
 */
@Component
class PinnedProducts {

    private final LiveSessionRepository sessions;
    private final ProductCatalogue catalogue;
    private final Broker broker;
    private final TransactionalOperator tx;

    PinnedProducts(LiveSessionRepository sessions, ProductCatalogue catalogue, Broker broker,
                   DestinationCatalog catalog, TransactionalOperator tx) {
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.broker = broker;
        this.tx = tx;
        catalog.register(ShowcaseDestinations.PINNED, DestinationKind.LATEST, Access.PUBLIC);
    }

    static String topic(long sessionId) {
        return ShowcaseDestinations.PINNED.with(sessionId);
    }

    static PinnedProduct of(long sessionId, LineupProduct card) {
        return new PinnedProduct(sessionId, card.id(), card.name(), card.priceFen(), card.coverFileId());
    }

    /** Pins a product of the live session's lineup (the merchant's session). */
    Mono<PinnedProduct> pin(long sessionId, long merchantId, long productId) {
        Mono<PinnedProduct> pinning = sessions.pin(sessionId, merchantId, productId)
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : refusal(sessionId, merchantId, true))
                .then(catalogue.cards(List.of(productId)).next())
                .map(card -> of(sessionId, card))
                .flatMap(pinned -> broker.publish(topic(sessionId), pinned).thenReturn(pinned));
        return tx.transactional(pinning);
    }

    /** Unpins whatever is pinned (the merchant's live session). */
    Mono<Void> unpin(long sessionId, long merchantId) {
        Mono<Void> unpinning = sessions.pin(sessionId, merchantId, null)
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : refusal(sessionId, merchantId, false))
                .then(clear(sessionId));
        return tx.transactional(unpinning);
    }

    /** Tells open rooms nothing is pinned (a session going live or ending). */
    Mono<Void> clear(long sessionId) {
        return broker.publish(topic(sessionId), null).then();
    }

    /** Why nothing was updated: not found (or someone else's), not live, or not in the lineup. */
    private Mono<Void> refusal(long sessionId, long merchantId, boolean pinning) {
        return sessions.find(sessionId)
                .filter(s -> s.merchantId() == merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(s -> Mono.error(s.status() != LiveStatus.LIVE
                        ? new ApiProblem(HttpStatus.CONFLICT, "not-live",
                                "直播" + s.status().label() + "，只有直播中才能" + (pinning ? "置顶" : "取消置顶") + "商品")
                        : new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                                List.of(new FieldProblem("productId", "该商品不在本场直播的商品列表中")))));
    }
}
