package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.livehall.common.instance.InstanceRegistry;
import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code livehall.orders.reconcile-every} (5 s), on every instance, the gates of the deals not yet settled are
 * reconciled with PostgreSQL, so units an instance held when it died become sellable again within about
 * {@code livehall.instance.ttl + reconcile-every} (15 s by default):
 * <ul>
 * <li>each abandoned reservation — of a dead instance, left behind by an attempt of this instance that finished, or
 * older than {@code reservation-max-age} — is resolved ({@link DealReservations#resolve}): a sale if PostgreSQL has
 * its order, else its units go back;</li>
 * <li>a running deal's stock, when no order is being placed at all (no reservation), is set to PostgreSQL's remaining
 * units if they differ (a give-back lost between a cancellation's commit and the gate). The script changes it only
 * if nothing moved since it was read.</li>
 * </ul>
 * Several instances may reconcile the same deal at once: the gate's scripts act only while a reservation still
 * carries the token read, so each reservation is resolved once. Counted in {@code livehall.deal.reconciled{what}}.
 */
@Component
class DealGateReconciler extends PeriodicJob {

    private static final Log log = LogFactory.getLog(DealGateReconciler.class);
    private static final int DEALS_PER_RUN = 200;

    private final FlashDealRepository deals;
    private final DealGateStock gate;
    private final DealReservations reservations;
    private final InstanceRegistry instances;
    private final DealBroadcaster broadcaster;
    private final OrderSettings settings;
    private final Clock clock;
    private final Counter resolved;
    private final Counter corrected;

    DealGateReconciler(FlashDealRepository deals, DealGateStock gate, DealReservations reservations, InstanceRegistry instances,
                       DealBroadcaster broadcaster, OrderSettings settings, Clock clock, MeterRegistry meters) {
        super(meters);
        this.deals = deals;
        this.gate = gate;
        this.reservations = reservations;
        this.instances = instances;
        this.broadcaster = broadcaster;
        this.settings = settings;
        this.clock = clock;
        this.resolved = Counter.builder("livehall.deal.reconciled").tag("what", "reservation")
                .description("Abandoned flash-deal reservations resolved from PostgreSQL").register(meters);
        this.corrected = Counter.builder("livehall.deal.reconciled").tag("what", "stock")
                .description("Flash-deal gates whose stock was set to PostgreSQL's").register(meters);
    }

    @Override
    protected Duration period() {
        return settings.reconcileEvery();
    }

    @Override
    protected Mono<?> runOnce() {
        Map<String, Mono<Boolean>> alive = new HashMap<>(); // one liveness check per instance per run
        return deals.unsettled(DEALS_PER_RUN).concatMap(deal -> reconcile(deal, alive)).then();
    }

    /** Reconciles one deal's gate; answers when done. */
    Mono<Void> reconcile(FlashDeal deal, Map<String, Mono<Boolean>> alive) {
        return gate.snapshot(deal.id()).flatMap(snapshot -> {
            Mono<Void> abandoned = Flux.fromIterable(snapshot.open())
                    .concatMap(r -> reservations.abandoned(r, id -> alive.computeIfAbsent(id, i -> instances.isAlive(i).cache()))
                            .filter(Boolean::booleanValue)
                            .flatMap(abandon -> reservations.resolve(r).doOnNext(row -> resolved.increment())))
                    .then();
            Instant now = clock.instant();
            boolean running = deal.closedAt() == null && !deal.upcoming(now) && !deal.ended(now);
            if (!running || snapshot.stock() == null || !snapshot.open().isEmpty()) {
                return abandoned;
            }
            return deals.remaining(deal.id())
                    .filter(remaining -> !Long.toString(remaining).equals(snapshot.stock()))
                    .flatMap(remaining -> gate.correctStock(deal.id(), snapshot.stock(), remaining)
                            .filter(Boolean::booleanValue)
                            .doOnNext(changed -> {
                                corrected.increment();
                                log.info("The gate of deal " + deal.id() + " showed " + snapshot.stock()
                                        + " unit(s) with no order in flight; set to PostgreSQL's " + remaining);
                                broadcaster.changed(deal.id());
                            }))
                    .then();
        });
    }
}
