package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.realtime.SecondInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The per-minute rollup against a hand-counted fixture: a fair's tallies in two minutes (09:59 and 10:00 Shanghai
 * time), rolled up once, twice, by two job instances racing, after a crash between the write and the removal from the
 * pending index, by a fresh instance (a restart) and by a second application instance: always the same two rows. Then
 * the history and its CSV.
 */
class DashboardRollupTest extends IntegrationTest {

    private static final Instant FIRST = Instant.parse("2026-12-07T01:59:30Z");
    private static final Instant SECOND = Instant.parse("2026-12-07T02:00:10Z");

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

    Account organiser;
    long fair;
    String scope;

    @BeforeEach
    void aFairWithTwoMinutesOfActivity() {
        FairFixtures fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        scope = "fair-" + fair;
        clock.set(FIRST);
        tally.add(scope, Map.of(Measure.ORDERS, 2L, Measure.GMV_FEN, 12_345L)).block();
        tally.add(scope, Map.of(Measure.REGISTRATIONS, 1L)).block();
        clock.set(SECOND);
        tally.add(scope, Map.of(Measure.MEETINGS_BOOKED, 1L, Measure.ORDERS, 1L, Measure.GMV_FEN, 100L)).block();
        tally.add(scope, Map.of(Measure.SIGNED_DEALS, 1L, Measure.SIGNED_AMOUNT_FEN, 500_000L)).block();
        long minute = Tally.minuteOf(SECOND);
        tally.raise(scope, minute, Map.of(Measure.VIEWERS_PEAK, 7L, Measure.UNIQUE_VIEWERS, 9L)).block();
        tally.raise(scope, minute, Map.of(Measure.VIEWERS_PEAK, 5L, Measure.UNIQUE_VIEWERS, 9L)).block();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private List<String> rows() {
        return db.sql("""
                        select minute, viewers_peak, unique_viewers, orders, gmv_fen, registrations, meetings_booked,
                               signed_deals, signed_amount_fen from dashboard_minute where scope = :s order by minute""")
                .bind("s", scope)
                .map(row -> row.get("minute", Instant.class) + " " + row.get("viewers_peak", Long.class) + " "
                        + row.get("unique_viewers", Long.class) + " " + row.get("orders", Long.class) + " "
                        + row.get("gmv_fen", Long.class) + " " + row.get("registrations", Long.class) + " "
                        + row.get("meetings_booked", Long.class) + " " + row.get("signed_deals", Long.class) + " "
                        + row.get("signed_amount_fen", Long.class))
                .all().collectList().block();
    }

    private static final List<String> EXPECTED = List.of(
            "2026-12-07T01:59:00Z 0 0 2 12345 1 0 0 0",
            "2026-12-07T02:00:00Z 7 9 1 100 0 1 1 500000");

    @Test
    void closedMinutesAreWrittenOnceWhateverRunsThemAgain() {
        // a minute is closed 10 s after its end (checked apart: another instance in this JVM may roll with its own clock)
        assertThat(MinuteRollup.lastClosed(Instant.parse("2026-12-07T02:01:09Z"))).isEqualTo(Tally.minuteOf(FIRST));
        assertThat(MinuteRollup.lastClosed(Instant.parse("2026-12-07T02:01:10Z"))).isEqualTo(Tally.minuteOf(SECOND));

        clock.set(Instant.parse("2026-12-07T02:05:00Z"));
        rollup.rollClosed().block();
        assertThat(rows()).isEqualTo(EXPECTED);
        rollup.rollClosed().block();
        assertThat(rows()).isEqualTo(EXPECTED);

        // a crash between the write and the removal: the minute is pending again and written again, absolute
        long minute = Tally.minuteOf(SECOND);
        redis.opsForZSet().add(RedisKeys.of("tally", scope, "pending"), Long.toString(minute), minute).block();
        // two job instances (as on two application instances) racing over the same minutes
        MinuteRollup other = new MinuteRollup(tally, repository, clock, meters);
        Mono.zip(rollup.roll(scope, minute), other.roll(scope, minute), rollup.roll(scope, minute - 1)).block();
        assertThat(rows()).isEqualTo(EXPECTED);

        // a restart: a fresh instance finds nothing left pending and changes nothing
        assertThat(new MinuteRollup(tally, repository, clock, meters).rollClosed().block()).isNotNull();
        assertThat(tally.pending(scope, Long.MAX_VALUE / 2).collectList().block()).isEmpty();
        assertThat(rows()).isEqualTo(EXPECTED);
    }

    @Test
    void twoApplicationInstancesRollingTheSameMinutesWriteTheSameRows() {
        // the second instance (its own context, its own job, the real clock: both minutes are long closed) and this one
        MinuteRollup second = SecondInstance.bean(MinuteRollup.class);
        clock.set(Instant.parse("2026-12-07T02:05:00Z"));
        Mono.zip(second.rollClosed(), rollup.rollClosed(), second.rollClosed()).block();
        assertThat(rows()).isEqualTo(EXPECTED);
        long minute = Tally.minuteOf(SECOND);
        redis.opsForZSet().add(RedisKeys.of("tally", scope, "pending"), Long.toString(minute), minute).block();
        Mono.zip(second.roll(scope, minute), rollup.roll(scope, minute)).block();
        assertThat(rows()).isEqualTo(EXPECTED);
    }

    @Test
    void theHistoryAndItsCsvSayWhatWasCounted() {
        clock.set(Instant.parse("2026-12-07T02:05:00Z"));
        rollup.rollClosed().block();
        clock.reset();
        String base = "/api/dashboard/" + scope + "/history";
        assertThat(csv(base + ".csv?from=2026-12-07&to=2026-12-07&by=minute")).containsExactly(
                "\uFEFF时间,峰值在线,独立观众,订单数,成交额(元),报名,签到,对接会预约,对接会举行,意向,签约,签约金额(元)",
                "2026-12-07 09:59,0,0,2,123.45,1,0,0,0,0,0,0.00",
                "2026-12-07 10:00,7,9,1,1.00,0,0,1,0,0,1,5000.00");
        assertThat(csv(base + ".csv?from=2026-12-07&to=2026-12-07&by=hour")).containsExactly(
                "\uFEFF时间,峰值在线,独立观众,订单数,成交额(元),报名,签到,对接会预约,对接会举行,意向,签约,签约金额(元)",
                "2026-12-07 09:00,0,0,2,123.45,1,0,0,0,0,0,0.00",
                "2026-12-07 10:00,7,9,1,1.00,0,0,1,0,0,1,5000.00");
        assertThat(csv(base + ".csv?from=2026-12-01&to=2026-12-07&by=day")).containsExactly(
                "\uFEFF时间,峰值在线,独立观众,订单数,成交额(元),报名,签到,对接会预约,对接会举行,意向,签约,签约金额(元)",
                "2026-12-07 00:00,7,9,3,124.45,1,0,1,0,0,1,5000.00");
        http.get().uri(base + ".csv?from=2026-12-07&to=2026-12-07&by=minute")
                .header("Authorization", "Bearer " + organiser.token()).exchange()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment; filename="));

        http.get().uri(base + "?from=2026-12-07&to=2026-12-07&by=hour").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.scope").isEqualTo(scope).jsonPath("$.by").isEqualTo("hour")
                .jsonPath("$.rows.length()").isEqualTo(2)
                .jsonPath("$.rows[0].at").isEqualTo("2026-12-07T01:00:00Z")
                .jsonPath("$.rows[1].viewersPeak").isEqualTo(7)
                .jsonPath("$.rows[1].gmvFen").isEqualTo(100)
                .jsonPath("$.rows[1].signedAmountFen").isEqualTo(500_000);

        // past the limits: 400 naming the field
        http.get().uri(base + "?from=2026-12-01&to=2026-12-07&by=minute").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("to");
        http.get().uri(base + "?from=2026-01-01&to=2026-12-07&by=hour").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        http.get().uri(base + "?by=week").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("by");
        http.get().uri(base + "?from=2026-12-07&to=2026-12-01").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");

        // the report spans the scope's minutes
        http.get().uri("/api/dashboard/" + scope + "/report").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.from").isEqualTo("2026-12-07T01:59:00Z")
                .jsonPath("$.peakViewers").isEqualTo(7)
                .jsonPath("$.peakAt").isEqualTo("2026-12-07T02:00:00Z")
                .jsonPath("$.uniqueViewers").isEqualTo(9)
                .jsonPath("$.orders").isEqualTo(3)
                .jsonPath("$.gmvFen").isEqualTo(12_445)
                .jsonPath("$.conversion").isEqualTo(0.0);
    }

    private List<String> csv(String uri) {
        byte[] body = http.get().uri(uri).header("Authorization", "Bearer " + organiser.token()).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        return List.of(new String(body, StandardCharsets.UTF_8).split("\r\n"));
    }
}
