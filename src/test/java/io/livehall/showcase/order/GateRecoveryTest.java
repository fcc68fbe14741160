package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The gate when things go wrong: PostgreSQL refuses the order after the gate let it through (the gate is given
 * back), Redis loses the gate (rebuilt from PostgreSQL), Redis forgets what a buyer holds (PostgreSQL still
 * enforces the limit).
 */
class GateRecoveryTest extends OrderTest {

    @Test
    void whenTheDatabaseWriteFailsAfterTheGateTheGateIsGivenBack() {
        OrderFixtures.LiveDeal live = fx.liveDeal("dbfail", 9900, 100, 5900, 10, 1);
        long deal = live.deal();
        OrderFixtures.Buyer unlucky = fx.buyer("dbfail");
        // a trigger makes PostgreSQL refuse this buyer's order row: a real database failure, no mock
        String trigger = "order_fails_" + unlucky.id();
        db.sql("""
                create function %1$s() returns trigger language plpgsql as $$
                begin raise exception 'forced failure for test'; end $$""".formatted(trigger)).fetch().rowsUpdated().block();
        db.sql("create trigger %1$s before insert on customer_order for each row when (new.buyer_id = %2$d) execute function %1$s()"
                .formatted(trigger, unlucky.id())).fetch().rowsUpdated().block();
        try {
            fx.order(unlucky.token(), "k1", OrderFixtures.dealOrder(deal, 1)).expectStatus().is5xxServerError();
            assertThat(fx.gateStock(deal)).isEqualTo(10);
            assertThat(fx.gateBuyers(deal)).doesNotContainKey(unlucky.id());
            assertThat(fx.shardSum(deal)).isEqualTo(10);
            assertThat(count("select count(*) from flash_deal_buyer where deal_id = :d and bought > 0", "d", deal)).isZero();
            assertThat(fx.redis().hasKey(DealKeys.markerKey(deal, unlucky.id(), "k1")).block()).isFalse();
            assertThat(fx.gateReservations(deal)).isEmpty();
        } finally {
            db.sql("drop trigger %1$s on customer_order; drop function %1$s()".formatted(trigger)).fetch().rowsUpdated().block();
        }
        // the same buyer (limit 1) can buy once the database works again, even with the same key
        fx.order(unlucky.token(), "k1", OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
        assertThat(fx.gateStock(deal)).isEqualTo(9);
        assertThat(fx.shardSum(deal)).isEqualTo(9);
    }

    @Test
    void aLostGateIsRebuiltFromPostgresqlAndStillRefusesWhatTheLimitForbids() {
        OrderFixtures.LiveDeal live = fx.liveDeal("lost", 9900, 100, 5900, 10, 2);
        long deal = live.deal();
        OrderFixtures.Buyer first = fx.buyer("lost-a");
        OrderFixtures.Buyer second = fx.buyer("lost-b");
        fx.order(first.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 2)).expectStatus().isCreated();
        fx.order(second.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();

        fx.dropGate(deal); // as after a Redis restart
        fx.order(first.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/limit-reached");
        assertThat(fx.gateStock(deal)).isEqualTo(7);
        assertThat(fx.gateBuyers(deal)).containsEntry(first.id(), 2).containsEntry(second.id(), 1);
        fx.order(second.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
        assertThat(fx.gateStock(deal)).isEqualTo(6);

        // Redis forgets only what the buyers hold: the gate lets the buyer through, PostgreSQL refuses, the gate is given back
        fx.redis().delete(DealKeys.buyersKey(deal)).block();
        fx.order(first.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/limit-reached");
        assertThat(count("select sum(quantity) from customer_order where deal_id = :d and buyer_id = :b", "d", deal, "b", first.id()))
                .isEqualTo(2);
        assertThat(fx.gateStock(deal)).isEqualTo(6);
        assertThat(fx.shardSum(deal)).isEqualTo(6);
    }

    @Test
    void aRepeatedKeyAfterTheLimitWasReachedAnswersTheFirstOrder() {
        OrderFixtures.LiveDeal live = fx.liveDeal("retry", 9900, 100, 5900, 10, 1);
        long deal = live.deal();
        OrderFixtures.Buyer buyer = fx.buyer("retry");
        fx.order(buyer.token(), "retry-key", OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
        long id = count("select id from customer_order where buyer_id = :b", "b", buyer.id());
        // e.g. the first answer was lost on the network: the retry must not say "limit reached"
        fx.order(buyer.token(), "retry-key", OrderFixtures.dealOrder(deal, 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo((int) id);
        // even when Redis lost the key's marker: PostgreSQL's unique key answers it
        fx.redis().delete(DealKeys.markerKey(deal, buyer.id(), "retry-key")).block();
        fx.redis().delete(DealKeys.buyersKey(deal)).block();
        fx.order(buyer.token(), "retry-key", OrderFixtures.dealOrder(deal, 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo((int) id);
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", buyer.id())).isEqualTo(1);
        assertThat(fx.gateStock(deal)).isEqualTo(9);
        assertThat(fx.shardSum(deal)).isEqualTo(9);
        fx.order(buyer.token(), "another-key", OrderFixtures.dealOrder(deal, 1)).expectStatus().isEqualTo(409);
    }

    @Test
    void theLastUnitsSpreadOverSeveralShardsStillSell() {
        OrderFixtures.LiveDeal live = fx.liveDeal("spread", 9900, 100, 5900, 6, 3);
        long deal = live.deal();
        assertThat(count("select count(*) from flash_deal_stock where deal_id = :d", "d", deal)).isEqualTo(2);
        for (OrderFixtures.Buyer buyer : fx.buyers("spread", 2)) {
            fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 2)).expectStatus().isCreated();
        }
        assertThat(count("select max(remaining) from flash_deal_stock where deal_id = :d", "d", deal)).isEqualTo(1);
        OrderFixtures.Buyer last = fx.buyer("spread-last");
        fx.order(last.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 2)).expectStatus().isCreated();
        assertThat(fx.shardSum(deal)).isZero();
        assertThat(fx.gateStock(deal)).isZero();
        // cancelling it returns both units (to the shard it recorded)
        long order = count("select id from customer_order where buyer_id = :b", "b", last.id());
        http.post().uri("/api/orders/" + order + "/cancel").header("Authorization", "Bearer " + last.token())
                .exchange().expectStatus().isOk();
        assertThat(fx.shardSum(deal)).isEqualTo(2);
        assertThat(fx.gateStock(deal)).isEqualTo(2);
    }
}
