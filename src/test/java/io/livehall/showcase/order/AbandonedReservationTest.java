package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.livehall.common.instance.InstanceRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 B1: the flash-deal gate's reservations of an instance that died between taking the units and confirming
 * or giving them back. A retry of the same Idempotency-Key answers the order PostgreSQL holds (never "sold out"), or
 * places it anew when none was written; the reconciler turns such reservations into sales or gives their units back
 * without anyone retrying, and heals a gate whose stock drifted from PostgreSQL's while no order is in flight.
 * The dead instance's work is done here exactly as the instance would have done it ({@link DealGate#take} under its
 * token, then the order's statement); its id has no liveness key in Redis. An attempt of this (live) instance is in
 * flight while its token is ({@link DealGate#newToken} to {@link DealGate#finished}).
 */
class AbandonedReservationTest extends OrderTest {

    /** An instance id that no running instance has: it never said it was alive. */
    private static final String DEAD = "0dead0beef00";
    private static final AtomicLong TOKENS = new AtomicLong();
    private static final Recipient RECIPIENT = new Recipient("张三", "13800138000", "陕西省西安市雁塔区科技路 1 号");
    private static final String IN_PROGRESS = "https://livehall.io/problems/request-in-progress";

    @Autowired
    DealGate gate;

    @Autowired
    OrderRepository orders;

    @Autowired
    FlashDealRepository dealRows;

    @Autowired
    DealGateReconciler reconciler;

    @Autowired
    InstanceRegistry instances;

    @Test
    void aRetryAnswersTheOrderADeadInstanceCommittedEvenWhenTheDealIsSoldOut() {
        OrderFixtures.LiveDeal live = fx.liveDeal("dead-committed", 9900, 100, 5900, 2, 1);
        FlashDeal deal = deal(live);
        OrderFixtures.Buyer buyer = fx.buyer("dead-committed");
        reserve(deal, buyer, "lost-answer", DEAD);
        long orderId = commit(deal, buyer, "lost-answer");
        // the instance died here: its answer, its confirmation and its marker are lost; another buyer takes the last unit
        fx.order(fx.buyer("dead-committed-b").token(), "b", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isCreated();
        assertThat(fx.gateStock(deal.id())).isZero();

        long started = System.nanoTime();
        fx.order(buyer.token(), "lost-answer", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo((int) orderId);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // the reservation became a sale: the unit stays sold, the key's marker names the order
        assertThat(fx.gateReservations(deal.id())).isEmpty();
        assertThat(blockOn(gate.marker(deal.id(), buyer.id(), "lost-answer"))).isEqualTo(Long.toString(orderId));
        assertThat(fx.gateStock(deal.id())).isZero();
        assertThat(fx.gateBuyers(deal.id())).containsEntry(buyer.id(), 1);
        assertThat(fx.shardSum(deal.id())).isZero();
        // a new key: the buyer holds the limit, and is told so rather than "sold out"
        fx.order(buyer.token(), "another", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/limit-reached");
        assertThat(count("select count(*) from customer_order where deal_id = :d", "d", deal.id())).isEqualTo(2);
    }

    @Test
    void aRetryPlacesTheOrderWhenTheDeadInstanceWroteNone() {
        OrderFixtures.LiveDeal live = fx.liveDeal("dead-unwritten", 9900, 100, 5900, 1, 1);
        FlashDeal deal = deal(live);
        OrderFixtures.Buyer buyer = fx.buyer("dead-unwritten");
        reserve(deal, buyer, "never-written", DEAD);
        // the gate holds the deal's one unit for the dead instance: stranded, while PostgreSQL still has it
        assertThat(fx.gateStock(deal.id())).isZero();
        assertThat(fx.shardSum(deal.id())).isEqualTo(1);

        long orderId = fx.order(buyer.token(), "never-written", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody().id();
        assertThat(count("select count(*) from customer_order where deal_id = :d", "d", deal.id())).isEqualTo(1);
        assertThat(count("select buyer_id from customer_order where id = :id", "id", orderId)).isEqualTo(buyer.id());
        assertThat(fx.shardSum(deal.id())).isZero();
        assertThat(fx.gateStock(deal.id())).isZero();
        assertThat(fx.gateBuyers(deal.id())).containsOnlyKeys(buyer.id()).containsEntry(buyer.id(), 1);
        assertThat(fx.gateReservations(deal.id())).isEmpty();
    }

    @Test
    void aRetryAnswersTheOrderAsSoonAsItIsCommittedWhileItsInstanceStillConfirmsIt() {
        OrderFixtures.LiveDeal live = fx.liveDeal("live-slow", 9900, 100, 5900, 5, 1);
        FlashDeal deal = deal(live);
        OrderFixtures.Buyer buyer = fx.buyer("live-slow");
        String token = reserveInFlight(deal, buyer, "slow-confirm");
        long orderId = commit(deal, buyer, "slow-confirm");

        long started = System.nanoTime();
        fx.order(buyer.token(), "slow-confirm", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo((int) orderId);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // the live instance's reservation is its own to confirm
        assertThat(fx.gateReservations(deal.id())).hasSize(1);
        blockOn(gate.confirm(deal.id(), buyer.id(), "slow-confirm", token, orderId));
        gate.finished(token);
        assertThat(fx.gateReservations(deal.id())).isEmpty();
        assertThat(fx.gateStock(deal.id())).isEqualTo(4);
    }

    @Test
    void aRetryWhoseFirstRequestIsStillBeingPlacedIsToldSoAfterWaiting() {
        OrderFixtures.LiveDeal live = fx.liveDeal("live-busy", 9900, 100, 5900, 5, 1);
        FlashDeal deal = deal(live);
        OrderFixtures.Buyer buyer = fx.buyer("live-busy");
        String token = reserveInFlight(deal, buyer, "busy");
        // no order in PostgreSQL, and the instance placing it is alive (this one): wait, then "in progress"
        fx.order(buyer.token(), "busy", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(IN_PROGRESS);
        assertThat(fx.gateReservations(deal.id())).hasSize(1);
        blockOn(gate.release(deal.id(), buyer.id(), "busy", token, true));
        gate.finished(token);
        assertThat(fx.gateStock(deal.id())).isEqualTo(5);
    }

    @Test
    void theReconcilerResolvesAbandonedReservationsFromPostgresqlAndLeavesLiveOnesAlone() {
        OrderFixtures.LiveDeal live = fx.liveDeal("reconcile", 9900, 100, 5900, 10, 1);
        FlashDeal deal = deal(live);
        OrderFixtures.Buyer committed = fx.buyer("rc-committed");
        OrderFixtures.Buyer unwritten = fx.buyer("rc-unwritten");
        OrderFixtures.Buyer inFlight = fx.buyer("rc-in-flight");
        OrderFixtures.Buyer leftBehind = fx.buyer("rc-left-behind");
        OrderFixtures.Buyer hanging = fx.buyer("rc-hanging");
        reserve(deal, committed, "c", DEAD);
        long orderId = commit(deal, committed, "c");
        reserve(deal, unwritten, "u", DEAD);
        String inFlightToken = reserveInFlight(deal, inFlight, "f");
        // this instance's attempt ended without confirming or giving back (e.g. the give-back's answer was lost)
        reserve(deal, leftBehind, "b", instances.id());
        // an attempt of this instance still in flight after the maximum age
        String hangingToken = reserveInFlight(deal, hanging, "h");
        age(deal.id(), hanging.id(), "h", Duration.ofMinutes(2));
        assertThat(fx.gateStock(deal.id())).isEqualTo(5);
        assertThat(fx.shardSum(deal.id())).isEqualTo(9);

        blockOn(reconciler.reconcile(deal, new HashMap<>()));

        // the committed order is a sale; the unwritten, left-behind and hanging ones are given back; the one in flight stays
        assertThat(fx.gateReservations(deal.id())).containsOnlyKeys(DealKeys.reservationField(inFlight.id(), "f"));
        assertThat(blockOn(gate.marker(deal.id(), committed.id(), "c"))).isEqualTo(Long.toString(orderId));
        assertThat(fx.gateStock(deal.id())).isEqualTo(8);
        assertThat(fx.gateBuyers(deal.id())).containsOnlyKeys(committed.id(), inFlight.id());
        gate.finished(hangingToken);
        // the units given back sell again
        fx.order(unwritten.token(), "u2", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isCreated();
        // once the one in flight is given back by its instance, gate and PostgreSQL agree
        blockOn(gate.release(deal.id(), inFlight.id(), "f", inFlightToken, true));
        gate.finished(inFlightToken);
        assertThat(fx.gateStock(deal.id())).isEqualTo(fx.shardSum(deal.id())).isEqualTo(8);
    }

    @Test
    void theReconcilerSetsADriftedStockToPostgresqlsOnlyWhenNoOrderIsInFlight() {
        OrderFixtures.LiveDeal live = fx.liveDeal("drift", 9900, 100, 5900, 5, 1);
        FlashDeal deal = deal(live);
        fx.order(fx.buyer("drift").token(), "d", OrderFixtures.dealOrder(deal.id(), 1)).expectStatus().isCreated();
        assertThat(fx.gateStock(deal.id())).isEqualTo(4);

        // e.g. an instance died between a cancellation's commit and giving the unit back to the gate
        fx.redis().opsForValue().decrement(DealKeys.stockKey(deal.id())).block();
        blockOn(reconciler.reconcile(deal, new HashMap<>()));
        assertThat(fx.gateStock(deal.id())).isEqualTo(4);

        // while an order is in flight the two may differ rightly: left alone
        OrderFixtures.Buyer inFlight = fx.buyer("drift-in-flight");
        String token = reserveInFlight(deal, inFlight, "f");
        assertThat(fx.gateStock(deal.id())).isEqualTo(3);
        blockOn(reconciler.reconcile(deal, new HashMap<>()));
        assertThat(fx.gateStock(deal.id())).isEqualTo(3);
        blockOn(gate.release(deal.id(), inFlight.id(), "f", token, true));
        gate.finished(token);
        assertThat(fx.gateStock(deal.id())).isEqualTo(4);
    }

    // ---- what an instance does, step by step

    private FlashDeal deal(OrderFixtures.LiveDeal live) {
        return blockOn(dealRows.find(live.deal()));
    }

    /** The gate lets one unit through for the buyer and key, under a token of {@code instance} no attempt runs for. */
    private String reserve(FlashDeal deal, OrderFixtures.Buyer buyer, String key, String instance) {
        return reserveUnder(deal, buyer, key, instance + "." + TOKENS.incrementAndGet() + "-test");
    }

    /** The same for an attempt of this instance that is still running (the test ends it with {@link DealGate#finished}). */
    private String reserveInFlight(FlashDeal deal, OrderFixtures.Buyer buyer, String key) {
        return reserveUnder(deal, buyer, key, gate.newToken());
    }

    private String reserveUnder(FlashDeal deal, OrderFixtures.Buyer buyer, String key, String token) {
        DealGate.Answer answer = blockOn(gate.take(deal, buyer.id(), 1, key, token, null));
        assertThat(answer.outcome()).isEqualTo(DealGate.Outcome.PASSED);
        return token;
    }

    /** PostgreSQL commits the order (the statement an instance runs after the gate), nothing is told to Redis. */
    private long commit(FlashDeal deal, OrderFixtures.Buyer buyer, String key) {
        PlaceOrderRequest request = new PlaceOrderRequest(null, deal.id(), null, 1, RECIPIENT);
        NewOrder order = new NewOrder(buyer.id(), deal.merchantId(), deal.productId(), deal.productName(), deal.id(), null,
                deal.sessionId(), null, 1, deal.priceFen(), key, DealKeys.sha256(request.fingerprint()), RECIPIENT,
                "OFFLINE", Instant.now().plusSeconds(900));
        return blockOn(orders.insertDealOrder(order, deal.perBuyerLimit(), deal.preferredShard(buyer.id()), deal.shardCount()))
                .order().id();
    }

    /** Makes a reservation look {@code age} old. */
    private void age(long dealId, long buyerId, String key, Duration age) {
        String field = DealKeys.reservationField(buyerId, key);
        Map<String, String> open = fx.gateReservations(dealId);
        GateReservation r = GateReservation.parse(dealId, buyerId, open.get(field));
        GateReservation older = new GateReservation(dealId, buyerId, r.token(), r.units(),
                r.takenAtMillis() - age.toMillis(), r.key());
        fx.redis().opsForHash().put(DealKeys.reservedKey(dealId), field, older.value()).block();
    }
}
