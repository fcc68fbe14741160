package io.livehall.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.showcase.order.OrderFixtures;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No PostgreSQL call may hang a request: the pool, the lock wait and the statement have timeouts, and a request that
 * runs into one answers 503 with Retry-After, leaving nothing half-written.
 */
class StoreTimeoutsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionFactory connections;

    @Test
    void everyConnectionHasAStatementAndALockTimeout() {
        Map<String, Object> row = db.sql("select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l")
                .fetch().one().block(Duration.ofSeconds(5));
        assertThat(row).containsEntry("s", "15s").containsEntry("l", "5s");
    }

    @Test
    void anOrderWaitingForALockedProductAnswers503InsteadOfHanging() {
        OrderFixtures fx = new OrderFixtures(http, db, context);
        long product = fx.product(fx.merchant("locked").id(), 1_000, 5);
        OrderFixtures.Buyer buyer = fx.buyer("waiting");
        // another transaction holds the product's row (a stuck batch job, a long report) and does not let go
        Connection holder = Mono.from(connections.create()).block(Duration.ofSeconds(5));
        try {
            Mono.from(holder.beginTransaction()).block(Duration.ofSeconds(5));
            Flux.from(holder.createStatement("select id from product where id = $1 for update").bind("$1", product)
                    .execute()).flatMap(r -> r.map((r1, m) -> 1)).blockLast(Duration.ofSeconds(5));

            long started = System.nanoTime();
            fx.order(buyer.token(), "locked-1", OrderFixtures.productOrder(product, 1))
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "2")
                    .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("/busy"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(14));
        } finally {
            Mono.from(holder.rollbackTransaction()).then(Mono.from(holder.close())).block(Duration.ofSeconds(5));
        }
        assertThat(fx.stock(product)).isEqualTo(5);
        assertThat(fx.count("select count(*) from customer_order where buyer_id = :b", Map.of("b", buyer.id()))).isZero();
        // the lock is gone: the same key now succeeds
        fx.order(buyer.token(), "locked-1", OrderFixtures.productOrder(product, 1)).expectStatus().isCreated();
    }
}
