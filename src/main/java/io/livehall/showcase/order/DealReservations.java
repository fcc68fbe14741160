package io.livehall.showcase.order;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.livehall.common.instance.InstanceRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reservations of the flash-deal gate ({@link GateReservation}) that their instance will not resolve: it died
 * (its key in {@link InstanceRegistry} expired) between taking the units and confirming or releasing them; or it is
 * this instance and the attempt that made the reservation has finished without resolving it (a give-back or
 * confirmation failed, an answer was lost to a timeout, the request was cancelled); or the reservation is older than
 * {@code livehall.orders.reservation-max-age} (a safety net for an attempt that hangs). Such a reservation
 * is resolved from PostgreSQL, by a retry of the same Idempotency-Key ({@link OrderPlacement}) or by the reconciler
 * ({@link DealGateReconciler}), whichever comes first (the gate's scripts let only one of them act):
 * an order of the deal with the reservation's buyer and key turns it into a sale, else its units go back.
 * <p>
 * Liveness is checked before PostgreSQL is read: an instance seen dead commits nothing afterwards, so "no order" is
 * final. An instance that only looked dead (it lost Redis for longer than the TTL, or paused that long) and still
 * commits the order leaves the gate too generous by that order's units, never too strict: PostgreSQL refuses what is
 * not there, and the gate is set from PostgreSQL when an order finds no stock, or by the reconciler.
 */
@Component
class DealReservations {

    private static final Log log = LogFactory.getLog(DealReservations.class);

    private final DealGate gate;
    private final InstanceRegistry instances;
    private final OrderRepository orders;
    private final DealBroadcaster broadcaster;
    private final OrderSettings settings;
    private final Clock clock;

    DealReservations(DealGate gate, InstanceRegistry instances, OrderRepository orders, DealBroadcaster broadcaster,
                     OrderSettings settings, Clock clock) {
        this.gate = gate;
        this.instances = instances;
        this.orders = orders;
        this.broadcaster = broadcaster;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether nobody else will resolve the reservation: too old, left behind by this instance, or its instance is dead. */
    Mono<Boolean> abandoned(GateReservation r) {
        return abandoned(r, instances::isAlive);
    }

    /** The same, asking {@code alive} about other instances (the reconciler asks once per instance per run). */
    Mono<Boolean> abandoned(GateReservation r, Function<String, Mono<Boolean>> alive) {
        if (tooOld(r)) {
            return Mono.just(true);
        }
        if (gate.mine(r)) {
            return Mono.just(!gate.inFlight(r));
        }
        return alive.apply(r.instance()).map(live -> !live);
    }

    boolean tooOld(GateReservation r) {
        return clock.millis() - r.takenAtMillis() > settings.reservationMaxAge().toMillis();
    }

    /**
     * Resolves an abandoned reservation from PostgreSQL (call after {@link #abandoned} said so): the order of its
     * buyer and key, if it is an order of the deal, makes it a sale; otherwise its units go back to the gate and
     * viewers see the stock change. Answers the order found with that buyer and key, of whatever deal or product.
     */
    Mono<Optional<Order.Row>> resolve(GateReservation r) {
        return orders.findByKey(r.buyerId(), r.key()).timeout(DealGate.CALL_TIMEOUT)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(row -> {
                    if (row.isPresent() && Objects.equals(row.get().order().dealId(), r.dealId())) {
                        long orderId = row.get().order().id();
                        log.info("Reservation " + r.token() + " of deal " + r.dealId() + " was abandoned after its order "
                                + orderId + " was committed: confirmed from PostgreSQL");
                        return gate.confirm(r.dealId(), r.buyerId(), r.key(), r.token(), orderId).thenReturn(row);
                    }
                    return gate.release(r.dealId(), r.buyerId(), r.key(), r.token(), true).map(units -> {
                        if (units > 0) {
                            log.info("Reservation " + r.token() + " of deal " + r.dealId() + " was abandoned without an order: "
                                    + units + " unit(s) given back to the gate");
                            broadcaster.changed(r.dealId());
                        }
                        return row;
                    });
                });
    }
}
