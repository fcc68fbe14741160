package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.livehall.IntegrationTest;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.tally.Tally;
import io.livehall.realtime.SecondInstance;
import io.livehall.showcase.ShowcaseFixtures.Merchant;
import io.livehall.showcase.order.OrderFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The dashboard by merchant ({@code merchant-<id>}) against a hand-counted fixture: merchants A and B, orders placed
 * through the API in two minutes (A: one order of 2 × 10.00 in the first, one of 1 × 10.00 in the second; B: one of
 * 1 × 25.00 in the first), tallied per merchant after commit and rolled up once whatever replays it (again, after a
 * crash between write and removal, by a racing job, by a second application instance); then A's history, CSV and report
 * as A's user and an organiser see them. The minutes are ten minutes ago (orders carry the database's time, which the
 * report's buyers and products are read by). Who may see which merchant is {@link DashboardMerchantAccessTest}.
 */
class DashboardMerchantTest extends IntegrationTest {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Tally.SHANGHAI);

    @Autowired
    ApplicationContext context;
    @Autowired
    Tally tally;
    @Autowired
    MinuteRollup rollup;
    @Autowired
    MinuteRepository repository;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReactiveStringRedisTemplate redis;

    OrderFixtures fx;
    Merchant a;
    Merchant b;
    long productA;
    long productB;
    Instant first;
    Instant second;

    @BeforeEach
    void twoMerchantsSellInTwoMinutes() {
        fx = new OrderFixtures(http, db, context);
        a = fx.merchant("dash-ma");
        b = fx.merchant("dash-mb");
        productA = fx.product(a.id(), 1_000, 50);
        productB = fx.product(b.id(), 2_500, 50);
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
        first = base.plusSeconds(20);
        second = base.plusSeconds(70);
        clock.set(first);
        order(productA, 2, a, 1);
        order(productB, 1, b, 1);
        clock.set(second);
        order(productA, 1, a, 1);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A new buyer orders; waits until the merchant's minute shows {@code expected} orders (tallied after commit). */
    private void order(long product, int quantity, Merchant merchant, long expected) {
        fx.order(fx.buyer("dash-mbuyer").token(), UUID.randomUUID().toString(), OrderFixtures.productOrder(product, quantity))
                .expectStatus().is2xxSuccessful();
        long minute = Tally.minuteOf(clock.instant());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                tally.minute(Tally.merchant(merchant.id()), minute).block().getOrDefault("orders", 0L) == expected);
    }

    private List<String> rows(Merchant merchant) {
        return db.sql("""
                        select minute, viewers_peak, orders, gmv_fen, deals_sold_out from dashboard_minute
                        where scope = :s order by minute""")
                .bind("s", Tally.merchant(merchant.id()))
                .map(row -> row.get("minute", Instant.class) + " " + row.get("viewers_peak", Long.class) + " "
                        + row.get("orders", Long.class) + " " + row.get("gmv_fen", Long.class) + " "
                        + row.get("deals_sold_out", Long.class))
                .all().collectList().block();
    }

    private List<String> expectedA() {
        return List.of(minute(first) + " 0 1 2000 0", minute(second) + " 0 1 1000 0");
    }

    private List<String> expectedB() {
        return List.of(minute(first) + " 0 1 2500 0");
    }

    private static Instant minute(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void eachMerchantsMinutesAreRolledUpOnceWhateverRunsThemAgain() {
        clock.set(second.plus(Duration.ofMinutes(2)));
        rollup.rollClosed().block();
        assertThat(rows(a)).isEqualTo(expectedA());
        assertThat(rows(b)).isEqualTo(expectedB());
        rollup.rollClosed().block();
        assertThat(rows(a)).isEqualTo(expectedA());

        // a crash between the write and the removal, then two job instances racing over it
        String scope = Tally.merchant(a.id());
        long minute = Tally.minuteOf(second);
        redis.opsForZSet().add(RedisKeys.of("tally", scope, "pending"), Long.toString(minute), minute).block();
        MinuteRollup other = new MinuteRollup(tally, repository, clock, meters);
        Mono.zip(rollup.roll(scope, minute), other.roll(scope, minute), rollup.roll(scope, minute - 1)).block();
        assertThat(rows(a)).isEqualTo(expectedA());

        // a second application instance (its own job and the real clock: both minutes are closed)
        redis.opsForZSet().add(RedisKeys.of("tally", scope, "pending"), Long.toString(minute), minute).block();
        MinuteRollup instance = SecondInstance.bean(MinuteRollup.class);
        Mono.zip(instance.rollClosed(), rollup.rollClosed()).block();
        assertThat(rows(a)).isEqualTo(expectedA());
        assertThat(rows(b)).isEqualTo(expectedB());
        assertThat(tally.pending(scope, Long.MAX_VALUE / 2).collectList().block()).isEmpty();
    }

    @Test
    void aMerchantsHistoryCsvAndReportCountItsOwnOrdersOnly() {
        clock.set(second.plus(Duration.ofMinutes(2)));
        rollup.rollClosed().block();
        clock.reset();
        String scope = Tally.merchant(a.id());
        String days = "from=" + Tally.day(first) + "&to=" + Tally.day(second);
        String header = "\uFEFF时间,峰值在线,独立观众,订单数,成交额(元),报名,签到,对接会预约,对接会举行,意向,签约,签约金额(元)";
        for (String token : new String[] {a.user().token(), new io.livehall.fair.FairFixtures(db, context).account("ORGANISER").token()}) {
            assertThat(csv(token, "/api/dashboard/" + scope + "/history.csv?by=minute&" + days)).containsExactly(header,
                    CSV_TIME.format(first) + ",0,0,1,20.00,0,0,0,0,0,0,0.00",
                    CSV_TIME.format(second) + ",0,0,1,10.00,0,0,0,0,0,0,0.00");
        }
        assertThat(csv(b.user().token(), "/api/dashboard/" + Tally.merchant(b.id()) + "/history.csv?by=minute&" + days))
                .containsExactly(header, CSV_TIME.format(first) + ",0,0,1,25.00,0,0,0,0,0,0,0.00");

        http.get().uri("/api/dashboard/" + scope + "/history?by=day&" + days)
                .header("Authorization", "Bearer " + a.user().token()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.scope").isEqualTo(scope)
                .jsonPath("$.rows[-1:].orders").isEqualTo(List.of(Tally.day(first).equals(Tally.day(second)) ? 2 : 1))
                .jsonPath("$.rows[*].gmvFen").value(v -> assertThat(((List<?>) v).stream()
                        .mapToLong(n -> ((Number) n).longValue()).sum()).isEqualTo(3_000));

        http.get().uri("/api/dashboard/" + scope + "/report").header("Authorization", "Bearer " + a.user().token())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.scope").isEqualTo(scope)
                .jsonPath("$.title").isEqualTo("dash-ma 商家")
                .jsonPath("$.from").isEqualTo(minute(first).toString())
                .jsonPath("$.orders").isEqualTo(2)
                .jsonPath("$.gmvFen").isEqualTo(3_000)
                .jsonPath("$.buyers").isEqualTo(2)
                .jsonPath("$.topProducts.length()").isEqualTo(1)
                .jsonPath("$.topProducts[0].productId").isEqualTo(productA)
                .jsonPath("$.topProducts[0].gmvFen").isEqualTo(3_000)
                .jsonPath("$.registrations").isEqualTo(0);

        // the live snapshot: today's orders of the merchant from its own counters
        http.get().uri("/api/dashboard/" + Tally.merchant(b.id())).header("Authorization", "Bearer " + b.user().token())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.scope").isEqualTo(Tally.merchant(b.id()))
                .jsonPath("$.title").isEqualTo("dash-mb 商家")
                .jsonPath("$.topProducts[0].productId").isEqualTo(productB);
    }

    private List<String> csv(String token, String uri) {
        byte[] body = http.get().uri(uri).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        return List.of(new String(body, StandardCharsets.UTF_8).split("\r\n"));
    }
}
