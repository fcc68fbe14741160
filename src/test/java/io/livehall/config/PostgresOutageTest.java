package io.livehall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.livehall.CuttableProxy;
import io.livehall.ExtraInstance;
import io.livehall.IntegrationTest;
import io.livehall.showcase.ShowcaseFixtures;
import io.livehall.showcase.order.OrderFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL becomes unreachable under a running instance (its R2DBC connections go through a proxy the test cuts;
 * the machine's PostgreSQL itself is never stopped; docs/operations.md "When Redis or PostgreSQL is down"): readiness
 * turns DOWN (503) within a bounded time and UP again after PostgreSQL is back, liveness stays UP, an order attempted
 * meanwhile is answered 503 problem+json within the pool's timeouts (not 500, not hanging), and an order confirmed
 * before the outage is still there after it; the refused order's key succeeds once PostgreSQL is back.
 */
class PostgresOutageTest extends IntegrationTest {

    private static final int PROXY_PORT = 16303;
    /** health checks and the pool's connection attempts time out after 5 s (application.yaml), plus a margin */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(12);

    @Autowired
    Environment shared;

    @Test
    void readinessFollowsPostgresAndNothingAcknowledgedIsLost() throws Exception {
        URI direct = URI.create(shared.getProperty("spring.r2dbc.url").substring("r2dbc:".length()));
        String throughProxy = "r2dbc:postgresql://127.0.0.1:" + PROXY_PORT + direct.getRawPath()
                + (direct.getRawQuery() != null ? "?" + direct.getRawQuery() : "");
        try (CuttableProxy proxy = CuttableProxy.start(PROXY_PORT, direct.getHost(), direct.getPort());
             ExtraInstance instance = ExtraInstance.start(shared, shared.getProperty("spring.data.redis.url"),
                     throughProxy)) {
            WebTestClient client = instance.http(30);
            OrderFixtures fx = new OrderFixtures(client, db, instance.context());
            ShowcaseFixtures.Merchant merchant = fx.merchant("pg-outage");
            long product = fx.product(merchant.id(), 1_500, 5);
            OrderFixtures.Buyer buyer = fx.buyer("pg-down");
            long confirmed = ((Number) fx.order(buyer.token(), "before", OrderFixtures.productOrder(product, 1))
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
            assertThat(health(client, "readiness")).isEqualTo(200);

            proxy.cut();
            long cutAt = System.nanoTime();

            await("readiness turns DOWN").atMost(NOTICED_WITHIN).pollInterval(Duration.ofMillis(250))
                    .until(() -> health(client, "readiness") == 503);
            System.out.printf("PostgreSQL cut: readiness DOWN after %d ms%n", Duration.ofNanos(System.nanoTime() - cutAt).toMillis());
            assertThat(health(client, "liveness")).as("liveness stays UP").isEqualTo(200);

            long started = System.nanoTime();
            EntityExchangeResult<String> refused = fx.order(buyer.token(), "during", OrderFixtures.productOrder(product, 1))
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType("application/problem+json")
                    .expectHeader().valueEquals("Retry-After", "2")
                    .expectBody(String.class).returnResult();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NOTICED_WITHIN);
            assertThat(refused.getResponseBody()).contains("服务繁忙，请稍后重试").doesNotContain("Exception")
                    .doesNotContain("io.").doesNotContain("R2dbc").doesNotContain("Postgres");
            assertThat(health(client, "liveness")).isEqualTo(200);

            proxy.restore();

            await("readiness UP again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> health(client, "readiness") == 200);
            assertThat(fx.count("select count(*) from customer_order where id = :id and buyer_id = :b",
                    Map.of("id", confirmed, "b", buyer.id()))).as("the order confirmed before the outage").isEqualTo(1);
            await("the refused key succeeds").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> fx.order(buyer.token(), "during", OrderFixtures.productOrder(product, 1))
                            .expectBody(String.class).returnResult().getStatus().value() == 201);
            assertThat(fx.count("select count(*) from customer_order where buyer_id = :b", Map.of("b", buyer.id())))
                    .isEqualTo(2);
            assertThat(fx.stock(product)).isEqualTo(3);
        }
    }

    private static int health(WebTestClient client, String group) {
        return client.get().uri("/actuator/health/" + group).exchange().expectBody(String.class).returnResult()
                .getStatus().value();
    }
}
