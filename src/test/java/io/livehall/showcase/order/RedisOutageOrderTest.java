package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.livehall.ExtraInstance;
import io.livehall.IntegrationTest;
import io.livehall.ThrowawayRedis;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Redis goes down under a running instance (its own redis-server, shared PostgreSQL; docs/operations.md "When Redis
 * or PostgreSQL is down"): an order, from a product page or a flash deal, answers 503 problem+json with a Chinese
 * detail within the configured Redis timeouts (2 s + 5 s) plus a margin, writes nothing to
 * PostgreSQL, and the same request with the same Idempotency-Key succeeds once Redis is back (empty, as a Redis
 * without persistence comes back). Meanwhile readiness and liveness stay UP (Redis, shared by every instance, is not
 * in the readiness group): the instance answers the 503 itself.
 */
class RedisOutageOrderTest extends IntegrationTest {

    private static final int REDIS_PORT = 16301;
    /**
     * The token check's 2 s Redis timeout (it falls back to PostgreSQL), then the order's first Redis command's
     * {@code spring.data.redis.timeout} (5 s, the production setting: this test does not shorten it), plus a margin.
     */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

    @Autowired
    Environment shared;

    @Test
    void ordersAnswer503WhileRedisIsDownAndTheSameKeySucceedsOnceItIsBack() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.start(REDIS_PORT);
             ExtraInstance instance = ExtraInstance.start(shared, redis.url(), null)) {
            WebTestClient client = instance.http(30);
            OrderFixtures fx = new OrderFixtures(client, db, instance.context());
            ShowcaseFixtures.Merchant merchant = fx.merchant("outage");
            long product = fx.product(merchant.id(), 2_000, 5);
            long session = fx.liveSession(merchant.id());
            fx.openDeal(merchant.user().token(), session, fx.product(merchant.id(), 3_000, 10), 1_000, 4, 2);
            long deal = fx.dealOf(session);
            long dealProduct = db.sql("select product_id from flash_deal where id = :d").bind("d", deal)
                    .map(row -> row.get(0, Long.class)).one().block();
            OrderFixtures.Buyer buyer = fx.buyer("redis-down");
            fx.order(buyer.token(), "warm-up", OrderFixtures.productOrder(product, 1)).expectStatus().isCreated();
            long shardsBefore = fx.shardSum(deal);
            int dealProductStock = fx.stock(dealProduct); // what the deal did not take

            redis.stop();

            unavailable(() -> fx.order(buyer.token(), "product-1", OrderFixtures.productOrder(product, 1)));
            unavailable(() -> fx.order(buyer.token(), "deal-1", OrderFixtures.dealOrder(deal, 1)));
            assertThat(fx.stock(product)).as("product stock unchanged").isEqualTo(4);
            assertThat(fx.stock(dealProduct)).as("deal product stock unchanged").isEqualTo(dealProductStock);
            assertThat(fx.shardSum(deal)).as("deal stock unchanged").isEqualTo(shardsBefore);
            assertThat(fx.count("select count(*) from customer_order where buyer_id = :b", Map.of("b", buyer.id())))
                    .as("only the order placed before the outage").isEqualTo(1);
            // Redis is not in the readiness group (every instance shares it): the instance stays in rotation and
            // answers the 503 problem+json itself; the whole health shows Redis DOWN to operators
            assertThat(health(client, "readiness")).isEqualTo(200);
            assertThat(health(client, "liveness")).isEqualTo(200);

            redis.startAgain();
            // Lettuce tries to reconnect at most 5 s apart (RedisConfig)

            await("orders succeed again once Redis is back").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> status(fx.order(buyer.token(), "product-1", OrderFixtures.productOrder(product, 1))) == 201);
            await("flash-deal orders too").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> status(fx.order(buyer.token(), "deal-1", OrderFixtures.dealOrder(deal, 1))) == 201);
            // the keys are honoured: a repeat answers the first result and places nothing more
            fx.order(buyer.token(), "product-1", OrderFixtures.productOrder(product, 1)).expectStatus().isOk();
            fx.order(buyer.token(), "deal-1", OrderFixtures.dealOrder(deal, 1)).expectStatus().isOk();
            assertThat(fx.count("select count(*) from customer_order where buyer_id = :b", Map.of("b", buyer.id())))
                    .isEqualTo(3);
            assertThat(fx.stock(product)).isEqualTo(3);
            assertThat(fx.shardSum(deal)).isEqualTo(shardsBefore - 1);
        }
    }

    private static void unavailable(Supplier<WebTestClient.ResponseSpec> request) {
        long started = System.nanoTime();
        EntityExchangeResult<String> result = request.get().expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals("Retry-After", "2")
                .expectBody(String.class).returnResult();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
        String body = result.getResponseBody();
        assertThat(body).contains("\"status\":503").contains("服务繁忙，请稍后重试")
                .doesNotContain("Exception").doesNotContain("io.").doesNotContain("Redis");
    }

    private static int health(WebTestClient client, String group) {
        return status(client.get().uri("/actuator/health/" + group).exchange());
    }

    private static int status(WebTestClient.ResponseSpec answer) {
        return answer.expectBody(String.class).returnResult().getStatus().value();
    }
}
