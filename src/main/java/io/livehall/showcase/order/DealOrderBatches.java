package io.livehall.showcase.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livehall.common.batch.NaturalBatcher;
import io.livehall.common.batch.NaturalBatcher.Request;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes flash-deal orders that passed the gate to PostgreSQL in batches (group commit). At most
 * {@code deal-writers} batch statements run at once; orders that arrive while they run wait in a queue and go
 * together in the next statement, up to {@code deal-batch-max} per statement. Under light load every order goes
 * alone at once (no added delay); under a rush many orders share one transaction and one commit, and the shards
 * spread the concurrent batches.
 * <p>
 * An order the batch did not place (the limit in PostgreSQL, a key already used, no free shard with its units right
 * now) is placed alone with {@link OrderRepository#insertDealOrder}, which signals the reason; each
 * caller gets its own order or its own error.
 */
@Component
class DealOrderBatches {

    /** One order waiting for its batch, with the deal terms the statement needs. */
    record Pending(NewOrder order, FlashDeal deal) {
    }

    private final OrderRepository orders;
    private final NaturalBatcher<Pending, Order.Row> batcher;

    DealOrderBatches(OrderRepository orders, OrderSettings settings) {
        this.orders = orders;
        this.batcher = new NaturalBatcher<>(settings.dealWriters(), settings.dealBatchMax(),
                batch -> Flux.fromIterable(byDeal(batch)).flatMap(this::write).then());
    }

    /** Places the order (its units from the deal's shards) with others that are waiting; empty if the key is taken. */
    Mono<Order.Row> place(NewOrder order, FlashDeal deal) {
        return batcher.submit(new Pending(order, deal));
    }

    private static Iterable<List<Request<Pending, Order.Row>>> byDeal(List<Request<Pending, Order.Row>> batch) {
        Map<Long, List<Request<Pending, Order.Row>>> deals = new LinkedHashMap<>();
        batch.forEach(r -> deals.computeIfAbsent(r.value().deal().id(), id -> new ArrayList<>()).add(r));
        return deals.values();
    }

    /** One statement for the deal's waiting orders; whatever it did not place is placed alone. Never errors. */
    private Mono<Void> write(List<Request<Pending, Order.Row>> batch) {
        if (batch.size() == 1) {
            return alone(batch.get(0));
        }
        FlashDeal deal = batch.get(0).value().deal();
        return orders.insertDealOrders(deal, batch.stream().map(r -> r.value().order()).toList()).collectList()
                .flatMap(placed -> {
                    Map<String, Order.Row> byKey = new HashMap<>();
                    placed.forEach(row -> byKey.put(row.order().buyerId() + "/" + row.idempotencyKey(), row));
                    List<Request<Pending, Order.Row>> left = new ArrayList<>();
                    for (Request<Pending, Order.Row> r : batch) {
                        NewOrder order = r.value().order();
                        Order.Row row = byKey.get(order.buyerId() + "/" + order.idempotencyKey());
                        if (row != null) {
                            r.sink().success(row);
                        } else {
                            left.add(r);
                        }
                    }
                    return Flux.fromIterable(left).concatMap(this::alone).then();
                })
                .onErrorResume(e -> {
                    batch.forEach(r -> r.sink().error(e));
                    return Mono.empty();
                });
    }

    private Mono<Void> alone(Request<Pending, Order.Row> r) {
        NewOrder order = r.value().order();
        FlashDeal deal = r.value().deal();
        return orders.insertDealOrder(order, deal.perBuyerLimit(), deal.preferredShard(order.buyerId()), deal.shardCount())
                .doOnNext(row -> r.sink().success(row))
                .switchIfEmpty(Mono.fromRunnable(() -> r.sink().success()))
                .onErrorResume(e -> {
                    r.sink().error(e);
                    return Mono.empty();
                })
                .then();
    }
}
