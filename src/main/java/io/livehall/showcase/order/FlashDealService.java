package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.money.MoneyBounds;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.live.LiveSessions;
import io.livehall.showcase.merchant.MerchantAccess;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opening flash deals (stock moves from the product into the deal's shards in one transaction, then the Redis
 * gate is loaded), what a session's deals look like now, rebuilding a lost gate, and settling ended deals
 * (the unsold quantity goes back to the product exactly once).
 */
@Service
class FlashDealService {

    private static final Log log = LogFactory.getLog(FlashDealService.class);
    static final Duration MAX_LEAD = Duration.ofHours(1);

    private final FlashDealRepository repository;
    private final FlashDeals deals;
    private final DealGateStock gate;
    private final DealBroadcaster broadcaster;
    private final MerchantAccess merchants;
    private final LiveSessions sessions;
    private final ProductCatalogue catalogue;
    private final TransactionalOperator tx;
    private final OrderSettings settings;

    private final Clock clock;

    FlashDealService(FlashDealRepository repository, FlashDeals deals, DealGateStock gate, DealBroadcaster broadcaster,
                     MerchantAccess merchants, LiveSessions sessions, ProductCatalogue catalogue,
                     TransactionalOperator tx, OrderSettings settings, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.deals = deals;
        this.gate = gate;
        this.broadcaster = broadcaster;
        this.merchants = merchants;
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.tx = tx;
        this.settings = settings;
    }

    Mono<FlashDealView> open(long userId, OpenDealRequest request) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null || request.startsAt().isBefore(now) ? now : request.startsAt();
        if (startsAt.isAfter(now.plus(MAX_LEAD))) {
            return Mono.error(invalid("startsAt", "开始时间须在一小时内"));
        }
        Instant endsAt = startsAt.plusSeconds(request.durationSeconds());
        // both are bounded by validation, so the product fits a long; one buyer's order must fit an order's total
        if (request.priceFen() * request.perBuyerLimit() > MoneyBounds.MAX_TOTAL_FEN) {
            return Mono.error(invalid("perBuyerLimit", "秒杀价 × 每人限购不能超过 1 亿元"));
        }
        return merchants.requireTrading(userId).flatMap(merchant -> sessions.find(request.sessionId())
                .filter(s -> s.merchantId() == merchant.id())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .flatMap(session -> {
                    if (!session.live()) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "session-not-live", "直播开始后才能发起秒杀"));
                    }
                    return catalogue.find(request.productId());
                })
                .filter(p -> p.merchantId() == merchant.id())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("商品")))
                .flatMap(product -> {
                    if (!product.onSale()) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "product-not-on-sale", "商品未上架，不能秒杀"));
                    }
                    if (request.priceFen() > product.priceFen()) {
                        return Mono.error(invalid("priceFen", "秒杀价不能高于商品原价"));
                    }
                    // every shard starts with at least one buyer's limit, so most orders fit in one shard
                    int shards = Math.max(1, Math.min(settings.dealShards(), request.quantity() / request.perBuyerLimit()));
                    Mono<FlashDeal> opening = repository.lockSession(request.sessionId())
                            .then(repository.hasActiveDeal(request.sessionId()))
                            .flatMap(active -> active
                                    ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "deal-active", "本场直播已有进行中的秒杀"))
                                    : catalogue.takeStock(product.id(), request.quantity()))
                            .then(Mono.defer(() -> repository.insert(request.sessionId(), merchant.id(), product.id(),
                                    product.name(), product.priceFen(), request.priceFen(), request.quantity(),
                                    request.perBuyerLimit(), shards, startsAt, endsAt)))
                            .flatMap(deal -> repository.insertShards(deal.id(), deal.quantity(), shards).thenReturn(deal));
                    return tx.transactional(opening);
                }))
                .flatMap(deal -> {
                    deals.put(deal);
                    announceStart(deal);
                    return gate.open(deal).onErrorResume(e -> {
                        log.warn("Loading the gate of deal " + deal.id() + " failed; it is rebuilt on first use", e);
                        return Mono.empty();
                    }).then(broadcaster.publishNow(deal));
                });
    }

    /** The newest deals of a session (any state) with stock from the gate, newest first. */
    Flux<FlashDealView> ofSession(long sessionId, int limit) {
        return repository.ofSession(sessionId, limit).concatMap(deal -> deal.settledAt() != null
                ? Mono.just(FlashDealView.of(deal, 0, clock.instant()))
                : stockLeft(deal).map(left -> FlashDealView.of(deal, left, clock.instant())));
    }

    /** The session's current deal for a viewer: the newest one not ended for more than a minute. */
    Mono<FlashDealView> currentOf(long sessionId) {
        return ofSession(sessionId, 1).next()
                .filter(view -> view.endsAt().isAfter(clock.instant().minusSeconds(60)));
    }

    /**
     * What the buyer holds of the deal, from the gate (a lost gate is rebuilt from PostgreSQL first, so the figure
     * is the buyer's own even after Redis lost it).
     */
    Mono<DealHolding> holdingOf(long buyerId, long dealId) {
        return deals.find(dealId).flatMap(deal -> stockLeft(deal)
                .then(gate.held(deal.id(), buyerId))
                .map(held -> DealHolding.of(deal, held)));
    }

    /** Stock left in the gate; a lost gate is rebuilt from PostgreSQL first. */
    Mono<Long> stockLeft(FlashDeal deal) {
        return gate.stockLeft(deal.id()).switchIfEmpty(Mono.defer(() -> rebuildGate(deal).then(gate.stockLeft(deal.id()))))
                .defaultIfEmpty(0L);
    }

    Mono<Void> rebuildGate(FlashDeal deal) {
        log.info("Rebuilding the Redis gate of flash deal " + deal.id() + " from PostgreSQL");
        return repository.remaining(deal.id())
                .flatMap(remaining -> gate.rebuild(deal, deal.ended(clock.instant()) ? 0 : remaining,
                        repository.holdings(deal.id())));
    }

    /** Returns an ended deal's unsold quantity to the product, once across all instances. */
    Mono<Void> settle(long dealId) {
        Mono<FlashDeal> settling = repository.claimSettlement(dealId)
                .flatMap(deal -> repository.drainShards(dealId)
                        .flatMap(unsold -> repository.recordUnsold(dealId, unsold)
                                .then(unsold > 0 ? catalogue.returnStock(deal.productId(), unsold) : Mono.empty())
                                .thenReturn(new FlashDeal(deal.id(), deal.sessionId(), deal.merchantId(), deal.productId(),
                                        deal.productName(), deal.listPriceFen(), deal.priceFen(), deal.quantity(),
                                        deal.perBuyerLimit(), deal.shardCount(), deal.startsAt(), deal.endsAt(),
                                        deal.settledAt(), unsold, deal.closedAt()))));
        return tx.transactional(settling)
                .flatMap(deal -> gate.close(deal).then(broadcaster.publishNow(deal)))
                .then();
    }

    /**
     * Closes the merchant's deals that have not ended (it was suspended): the gate first, so no instance lets
     * another order through, then PostgreSQL (the deal ends now), then settlement returns the unsold units to the
     * product and viewers see the deal end. Orders placed before keep their units.
     */
    Mono<Void> closeAllOf(long merchantId) {
        return repository.notEndedOf(merchantId)
                .concatMap(id -> gate.closeEarly(id, "SUSPENDED")
                        .then(repository.closeEarly(id))
                        .doOnNext(deals::put)
                        .then(settle(id)))
                .then();
    }

    Flux<Long> endedUnsettled() {
        return repository.endedUnsettled(50);
    }

    private void announceStart(FlashDeal deal) {
        Duration until = Duration.between(clock.instant(), deal.startsAt());
        if (until.isNegative() || until.isZero()) {
            return;
        }
        Mono.delay(until).then(broadcaster.publishNow(deal))
                .subscribe(v -> { }, e -> log.warn("Announcing the start of deal " + deal.id() + " failed", e));
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message, List.of(new FieldProblem(field, message)));
    }
}
