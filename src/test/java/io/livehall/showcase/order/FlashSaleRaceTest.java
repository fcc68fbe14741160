package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The flash-sale race across two instances sharing PostgreSQL and Redis: no oversell, no buyer over the limit,
 * gate and database agree.
 */
class FlashSaleRaceTest extends OrderTest {

    private static ConfigurableApplicationContext instanceB;
    private static int portB;

    @BeforeAll
    static void startSecondInstance() {
        instanceB = secondInstance();
        portB = portOf(instanceB);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void fiveHundredBuyersOnTwoInstancesBuyExactlyTheHundredOnSale() {
        OrderFixtures.LiveDeal live = fx.liveDeal("race", 9900, 1000, 5900, 100, 1);
        long product = live.product(), deal = live.deal();
        assertThat(fx.stock(product)).isEqualTo(900);

        List<OrderFixtures.Buyer> buyers = fx.buyers("racer", 500);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            calls.add(new Call(i % 2 == 0 ? port : portB, buyers.get(i).token(), UUID.randomUUID().toString(),
                    OrderFixtures.dealOrder(deal, 1)));
        }
        List<Answer> answers = fire(calls);

        assertThat(answers).hasSize(500);
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(100);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(400)
                .allSatisfy(a -> assertThat(a.body()).contains("sold-out"));
        assertThat(count("select count(*) from customer_order where deal_id = :d", "d", deal)).isEqualTo(100);
        assertThat(count("select coalesce(sum(quantity), 0) from customer_order where deal_id = :d", "d", deal)).isEqualTo(100);
        assertThat(count("select count(distinct buyer_id) from customer_order where deal_id = :d", "d", deal)).isEqualTo(100);
        assertThat(fx.shardSum(deal)).isZero();
        assertThat(count("select count(*) from flash_deal_stock where deal_id = :d and remaining > 0", "d", deal)).isZero();
        assertThat(fx.stock(product)).isEqualTo(900);
        assertThat(count("select coalesce(max(bought), 0) from flash_deal_buyer where deal_id = :d", "d", deal)).isEqualTo(1);
        // the gate agrees with PostgreSQL: nothing left, and exactly the buyers with an order hold one unit each
        assertThat(fx.gateStock(deal)).isZero();
        Map<Long, Integer> held = fx.gateBuyers(deal);
        assertThat(held.values()).allMatch(n -> n == 1);
        assertThat(held.keySet()).containsExactlyInAnyOrderElementsOf(
                db.sql("select buyer_id from customer_order where deal_id = :d").bind("d", deal)
                        .map(row -> row.get(0, Long.class)).all().collectList().block());
        // the orders were spread over the shards, not funnelled through one row
        assertThat(count("select count(distinct deal_shard) from customer_order where deal_id = :d", "d", deal))
                .isGreaterThan(1);
    }

    @Test
    void oneBuyerFiringTwentyRequestsAtOnceGetsNoMoreThanTheLimit() {
        OrderFixtures.LiveDeal live = fx.liveDeal("greedy", 9900, 100, 5900, 50, 3);
        long deal = live.deal();
        OrderFixtures.Buyer buyer = fx.buyer("greedy-buyer");

        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(new Call(i % 2 == 0 ? port : portB, buyer.token(), UUID.randomUUID().toString(),
                    OrderFixtures.dealOrder(deal, 1)));
        }
        List<Answer> answers = fire(calls);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(3);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(17)
                .allSatisfy(a -> assertThat(a.body()).contains("limit-reached"));
        assertThat(count("select coalesce(sum(quantity), 0) from customer_order where deal_id = :d and buyer_id = :b",
                "d", deal, "b", buyer.id())).isEqualTo(3);
        assertThat(fx.shardSum(deal)).isEqualTo(47);
        assertThat(fx.gateStock(deal)).isEqualTo(47);
        assertThat(fx.gateBuyers(deal)).containsEntry(buyer.id(), 3);
    }
}
