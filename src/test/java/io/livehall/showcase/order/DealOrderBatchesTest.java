package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Flash-deal orders written in batches: many orders in few transactions, and within a batch each order keeps its
 * own rules (limit in PostgreSQL, Idempotency-Key) and its own answer.
 */
class DealOrderBatchesTest extends OrderTest {

    private static final Recipient RECIPIENT = new Recipient("张三", "13800138000", "西安市雁塔区");

    private record Deal(FlashDeal deal, long id) {
    }

    private Deal openDeal(int quantity, int limit) {
        OrderFixtures.LiveDeal live = fx.liveDeal("batch", 9900, quantity, 5900, quantity, limit);
        long id = live.deal();
        return new Deal(context.getBean(FlashDeals.class).find(id).block(), id);
    }

    private static NewOrder order(FlashDeal deal, long buyerId, int n, String key) {
        return new NewOrder(buyerId, deal.merchantId(), deal.productId(), deal.productName(), deal.id(), null,
                deal.sessionId(), null, n, deal.priceFen(), key, "hash-" + key, RECIPIENT, "OFFLINE",
                Instant.now().plus(Duration.ofMinutes(15)));
    }

    @Test
    void ordersArrivingTogetherShareTransactionsAndAllCommit() {
        Deal d = openDeal(1000, 5);
        DealOrderBatches batches = context.getBean(DealOrderBatches.class);
        List<OrderFixtures.Buyer> buyers = fx.buyers("batched", 120);

        List<Order.Row> rows = Flux.fromIterable(buyers)
                .flatMap(b -> batches.place(order(d.deal(), b.id(), 2, UUID.randomUUID().toString()), d.deal()), 120)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(rows).hasSize(120);
        assertThat(rows.stream().map(r -> r.order().id()).distinct()).hasSize(120);
        assertThat(rows).allSatisfy(r -> assertThat(r.dealShard()).isNotNull());
        long transactions = count("select count(distinct xmin::text) from customer_order where deal_id = :d", "d", d.id());
        assertThat(transactions).as("orders that waited together were written together").isLessThan(30);
        assertThat(fx.shardSum(d.id())).isEqualTo(1000 - 240);
        assertThat(count("select coalesce(sum(bought), 0) from flash_deal_buyer where deal_id = :d", "d", d.id()))
                .isEqualTo(240);
    }

    @Test
    void aBatchLeavesOutOrdersOverTheLimitOrWithAUsedKeyAndTakesStockOnlyForTheOthers() {
        Deal d = openDeal(100, 2);
        OrderRepository orders = context.getBean(OrderRepository.class);
        List<OrderFixtures.Buyer> buyers = fx.buyers("mixed", 4);
        long full = buyers.get(0).id();
        long reused = buyers.get(1).id();
        orders.insertDealOrder(order(d.deal(), full, 2, "full-1"), 2, 0, d.deal().shardCount()).block();
        orders.insertDealOrder(order(d.deal(), reused, 1, "used"), 2, 0, d.deal().shardCount()).block();
        assertThat(fx.shardSum(d.id())).isEqualTo(97);

        List<NewOrder> batch = new ArrayList<>(List.of(
                order(d.deal(), buyers.get(2).id(), 2, "ok-a"),
                order(d.deal(), full, 1, "over-limit"),
                order(d.deal(), reused, 1, "used"),
                order(d.deal(), buyers.get(3).id(), 1, "ok-b")));
        List<Order.Row> placed = orders.insertDealOrders(d.deal(), batch).collectList().block();

        assertThat(placed).extracting(Order.Row::idempotencyKey).containsExactlyInAnyOrder("ok-a", "ok-b");
        assertThat(placed).extracting(r -> r.order().buyerId())
                .containsExactlyInAnyOrder(buyers.get(2).id(), buyers.get(3).id());
        assertThat(fx.shardSum(d.id())).isEqualTo(94);
        assertThat(holdings(d.id())).containsEntry(full, 2L).containsEntry(reused, 1L)
                .containsEntry(buyers.get(2).id(), 2L).containsEntry(buyers.get(3).id(), 1L);
        assertThat(count("select count(*) from customer_order where deal_id = :d", "d", d.id())).isEqualTo(4);
    }

    @Test
    void eachOrderOfABatchGetsItsOwnAnswer() {
        Deal d = openDeal(100, 2);
        OrderRepository orders = context.getBean(OrderRepository.class);
        DealOrderBatches batches = context.getBean(DealOrderBatches.class);
        List<OrderFixtures.Buyer> buyers = fx.buyers("answers", 12);
        long full = buyers.get(0).id();
        long reused = buyers.get(1).id();
        orders.insertDealOrder(order(d.deal(), full, 2, "full-1"), 2, 0, d.deal().shardCount()).block();
        orders.insertDealOrder(order(d.deal(), reused, 1, "used"), 2, 0, d.deal().shardCount()).block();

        List<Mono<String>> answers = new ArrayList<>();
        answers.add(outcome(batches.place(order(d.deal(), full, 1, "over-limit"), d.deal())));
        answers.add(outcome(batches.place(order(d.deal(), reused, 1, "used"), d.deal())));
        for (OrderFixtures.Buyer b : buyers.subList(2, 12)) {
            answers.add(outcome(batches.place(order(d.deal(), b.id(), 1, "k-" + b.id()), d.deal())));
        }
        List<String> outcomes = Flux.mergeSequential(answers).collectList().block(Duration.ofSeconds(30));

        assertThat(outcomes.get(0)).isEqualTo("LIMIT");
        assertThat(outcomes.get(1)).isEqualTo("KEY_TAKEN");
        assertThat(outcomes.subList(2, 12)).allMatch(o -> o.startsWith("placed "));
        assertThat(fx.shardSum(d.id())).isEqualTo(100 - 2 - 1 - 10);
        assertThat(holdings(d.id())).containsEntry(full, 2L).containsEntry(reused, 1L);
    }

    private static Mono<String> outcome(Mono<Order.Row> placing) {
        return placing.map(row -> "placed " + row.order().id())
                .onErrorResume(e -> e == OrderProblems.Signal.LIMIT_IN_DB, e -> Mono.just("LIMIT"))
                .onErrorResume(e -> e == OrderProblems.Signal.KEY_TAKEN, e -> Mono.just("KEY_TAKEN"))
                .defaultIfEmpty("EMPTY");
    }

    private Map<Long, Long> holdings(long dealId) {
        return db.sql("select buyer_id, bought from flash_deal_buyer where deal_id = :d").bind("d", dealId)
                .map(row -> Map.entry(row.get(0, Long.class), ((Number) row.get(1)).longValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }
}
