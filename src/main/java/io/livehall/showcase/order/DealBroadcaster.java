package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.schedule.PeriodicJob;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.showcase.ShowcaseDestinations;
import io.livehall.showcase.live.LiveSessions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pushes a deal's state on {@code /topic/live/{sessionId}/deals} (latest value). Status changes (opened,
 * started, ended) go out at once; stock changes are coalesced to at most two messages a second per deal across
 * all instances: an instance with a changed deal publishes only if it wins that deal's 500 ms slot in Redis,
 * otherwise it keeps the deal dirty and tries again on its next tick, so the last change always goes out.
 */
@Component
class DealBroadcaster extends PeriodicJob {

    static final Duration SLOT = Duration.ofMillis(500);

    private final Broker broker;
    private final FlashDeals deals;
    private final DealGateStock gate;
    private final ReactiveStringRedisTemplate redis;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

    private final Clock clock;
    private final Tally tally;
    private final LiveSessions sessions;

    DealBroadcaster(Broker broker, DestinationCatalog catalog, FlashDeals deals, DealGateStock gate,
                    ReactiveStringRedisTemplate redis, MeterRegistry meters, Clock clock, Tally tally, LiveSessions sessions) {
        super(meters);
        this.tally = tally;
        this.sessions = sessions;
        this.clock = clock;
        this.broker = broker;
        this.deals = deals;
        this.gate = gate;
        this.redis = redis;
        catalog.register(ShowcaseDestinations.DEALS, DestinationKind.LATEST, Access.PUBLIC);
    }

    static String topic(long sessionId) {
        return ShowcaseDestinations.DEALS.with(sessionId);
    }

    /** The deal's stock changed: publish within the next slot. */
    void changed(long dealId) {
        dirty.add(dealId);
    }

    /** Publishes the deal's state now (status changes). */
    Mono<FlashDealView> publishNow(FlashDeal deal) {
        return view(deal).flatMap(view -> broker.publish(topic(deal.sessionId()), view).thenReturn(view));
    }

    /** The state as buyers see it, stock from the gate (PostgreSQL's figure if the gate is not loaded). */
    Mono<FlashDealView> view(FlashDeal deal) {
        Instant now = clock.instant();
        if (deal.settledAt() != null) {
            return Mono.just(FlashDealView.of(deal, 0, now));
        }
        return gate.stockLeft(deal.id())
                .map(left -> FlashDealView.of(deal, left, now))
                .switchIfEmpty(Mono.fromSupplier(() -> FlashDealView.of(deal, deal.quantity(), now)));
    }

    @Override
    protected Duration period() {
        return Duration.ofMillis(250);
    }

    @Override
    protected Mono<?> runOnce() {
        return Flux.fromIterable(Set.copyOf(dirty))
                .concatMap(id -> redis.opsForValue().setIfAbsent(RedisKeys.of("deal", id, "published"), "1", SLOT)
                        .filter(Boolean::booleanValue)
                        .flatMap(won -> {
                            dirty.remove(id);
                            return deals.find(id).flatMap(this::publishNow).flatMap(this::countSoldOut);
                        }))
                .then();
    }

    /**
     * The organisers' dashboard counts a deal once when it is first seen sold out (by whichever instance publishes it;
     * a marker in Redis under the deal's tag makes it once), whatever stock comes back later; in the showcase and in
     * the scope of the session's merchant.
     */
    private Mono<Void> countSoldOut(FlashDealView view) {
        if (!"SOLD_OUT".equals(view.status())) {
            return Mono.empty();
        }
        return redis.opsForValue().setIfAbsent(RedisKeys.of("deal", view.id(), "sold-out-counted"), "1", Tally.KEEP)
                .filter(Boolean::booleanValue)
                .flatMap(first -> sessions.find(view.sessionId()).map(s -> Tally.merchant(s.merchantId()))
                        .defaultIfEmpty(Tally.SHOWCASE).onErrorReturn(Tally.SHOWCASE)
                        .flatMap(part -> tally.add(Tally.SHOWCASE, part, java.util.Map.of(Measure.DEALS_SOLD_OUT, 1L),
                                java.util.Map.of())));
    }
}
