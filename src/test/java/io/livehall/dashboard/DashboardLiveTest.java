package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.livehall.IntegrationTest;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures;
import io.livehall.showcase.order.OrderFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The live figures: a viewer joins a live room and a buyer orders while an organiser watches the showcase (REST and
 * topic); a fair's and a series' registrations; a burst of changes reaches a subscriber at most once a second, the
 * last value correct.
 */
class DashboardLiveTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Tally tally;

    private String snapshot(Account who, String scope) {
        return http.get().uri("/api/dashboard/" + scope).header("Authorization", "Bearer " + who.token()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static long number(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }

    @Test
    void aViewerAndAnOrderShowOnTheShowcaseWithinASecondOrTwo() throws Exception {
        Account organiser = new FairFixtures(db, context).account("ORGANISER");
        OrderFixtures orders = new OrderFixtures(http, db, context);
        ShowcaseFixtures.Merchant merchant = orders.merchant("dash");
        long product = orders.product(merchant.id(), 1_990, 50);
        long session = orders.liveSession(merchant.id());
        String before = snapshot(organiser, "showcase");
        long ordersBefore = number(before, "$.totals.ordersToday");
        long gmvBefore = number(before, "$.totals.gmvTodayFen");

        try (RawStompClient console = RawStompClient.open(port); RawStompClient watcher = RawStompClient.open(port)) {
            console.connect(organiser.token());
            console.subscribe("d", "/topic/dashboard/showcase/overview");
            watcher.connectAsGuest(guestPass());
            watcher.subscribe("v", "/topic/live/" + session + "/viewers");
            OrderFixtures.Buyer buyer = orders.buyer("dash-buyer");
            Instant ordered = Instant.now();
            orders.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.productOrder(product, 2))
                    .expectStatus().is2xxSuccessful();
            String frame = "";
            while (number(frame.isEmpty() ? "{\"totals\":{\"ordersToday\":-1}}" : frame, "$.totals.ordersToday") != ordersBefore + 1
                    || !frame.contains("\"id\":" + session + ",")) {
                frame = console.expect("MESSAGE").body();
            }
            assertThat(Duration.between(ordered, Instant.now())).isLessThan(Duration.ofMillis(2_500));
            assertThat(number(frame, "$.totals.gmvTodayFen")).isEqualTo(gmvBefore + 3_980);
            List<Number> viewers = JsonPath.read(frame, "$.rooms[?(@.id == " + session + ")].viewersNow");
            assertThat(viewers).singleElement().satisfies(n -> assertThat(n.longValue()).isEqualTo(1));
            // today's top products come from the tally's per-product fields (other tests may sell more today)
            assertThat(tally.day(Tally.SHOWCASE, Tally.day(Instant.now())).block())
                    .containsEntry("product:" + product + ":orders", 1L).containsEntry("product:" + product + ":gmv", 3_980L);
            List<Number> gmvs = JsonPath.read(frame, "$.topProducts[*].gmvFen");
            assertThat(gmvs).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(gmvs.stream().map(Number::longValue).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            List<Number> region = JsonPath.read(frame, "$.regions[?(@.region == '西安市')].orders");
            assertThat(region).singleElement().satisfies(n -> assertThat(n.longValue()).isGreaterThanOrEqualTo(1));
            assertThat(number(frame, "$.minutes.length()")).isEqualTo(60);
        }
        // the REST twin says the same
        String after = snapshot(organiser, "showcase");
        assertThat(number(after, "$.totals.ordersToday")).isEqualTo(ordersBefore + 1);
        assertThat(number(after, "$.totals.gmvTodayFen")).isEqualTo(gmvBefore + 3_980);
        // the order's minute is the last one, or the one before when a minute began since. Asked of this instance: the
        // frame may come from another test context on the same Redis whose clock stands still (the demo hall's)
        assertThat(number(after, "$.minutes[58].orders") + number(after, "$.minutes[59].orders")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFlashDealSellingOutCountsOnce() {
        Account organiser = new FairFixtures(db, context).account("ORGANISER");
        OrderFixtures orders = new OrderFixtures(http, db, context);
        long before = number(snapshot(organiser, "showcase"), "$.totals.dealsSoldOut");
        OrderFixtures.LiveDeal live = orders.liveDeal("dash-deal", 9_900, 100, 5_900, 2, 1);
        for (OrderFixtures.Buyer buyer : orders.buyers("dash-deal-b", 2)) {
            orders.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(live.deal(), 1))
                    .expectStatus().is2xxSuccessful();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(number(snapshot(organiser, "showcase"), "$.totals.dealsSoldOut")).isEqualTo(before + 1));
        // published again (another stock change, a reconcile): still once
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(number(snapshot(organiser, "showcase"), "$.totals.dealsSoldOut")).isEqualTo(before + 1));
    }

    @Test
    void registrationsOfAFairAndASeriesAreCountedFromTheirTables() {
        FairFixtures fx = new FairFixtures(db, context);
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        fx.participant(fair, fx.enterprise("西安秦川机床有限公司"), ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        fx.participant(fair, fx.enterprise("宝鸡石油机械有限公司"), ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        String fairSnapshot = snapshot(organiser, "fair-" + fair);
        assertThat(number(fairSnapshot, "$.totals.registrations")).isEqualTo(2);
        // both enterprises are in Hefei (the fixture's city): counted as enterprises there, not as viewers online
        List<Number> enterprises = JsonPath.read(fairSnapshot, "$.regions[?(@.region == '安徽省合肥市')].enterprises");
        List<Number> viewers = JsonPath.read(fairSnapshot, "$.regions[?(@.region == '安徽省合肥市')].viewers");
        assertThat(enterprises).singleElement().satisfies(n -> assertThat(n.longValue()).isEqualTo(2));
        assertThat(viewers).singleElement().satisfies(n -> assertThat(n.longValue()).isZero());

        long series = db.sql("insert into training_series (organiser_id, title) values (:o, '直播电商培训') returning id")
                .bind("o", organiser.id()).map(row -> row.get(0, Long.class)).one().block();
        Account learner = fx.account("VIEWER");
        db.sql("insert into training_registration (series_id, user_id, state, queued_at) values (:s, :u, 'CONFIRMED', now())")
                .bind("s", series).bind("u", learner.id()).then().block();
        assertThat(number(snapshot(organiser, "training-" + series), "$.totals.registrations")).isEqualTo(1);
        String mine = snapshot(organiser, "mine");
        assertThat(number(mine, "$.totals.registrations")).isEqualTo(3);
        assertThat((String) JsonPath.read(mine, "$.scope")).isEqualTo("mine-" + organiser.id());
    }

    @Test
    void aBurstReachesASubscriberAtMostOnceASecondAndTheLastValueIsRight() throws Exception {
        FairFixtures fx = new FairFixtures(db, context);
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        String scope = "fair-" + fair;
        try (RawStompClient console = RawStompClient.open(port)) {
            console.connect(organiser.token());
            console.subscribe("d", "/topic/dashboard/" + scope + "/overview");
            // 30 orders over 3 s, from another thread; the last frame must come within 5 s of the last order
            java.util.concurrent.atomic.AtomicLong burstDone = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
            Flux.interval(Duration.ofMillis(100), Schedulers.parallel()).take(30)
                    .concatMap(i -> tally.add(scope, Map.of(Measure.ORDERS, 1L, Measure.GMV_FEN, 10L)))
                    .doOnComplete(() -> burstDone.set(System.nanoTime()))
                    .subscribe();
            List<Long> arrivals = new ArrayList<>();
            long last = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (last != 30 && System.nanoTime() < deadline
                    && System.nanoTime() - burstDone.get() < Duration.ofSeconds(5).toNanos()) {
                RawStompClient.Frame frame = console.poll(Duration.ofMillis(200));
                if (frame != null && frame.command().equals("MESSAGE")) {
                    arrivals.add(System.nanoTime());
                    last = number(frame.body(), "$.totals.ordersToday");
                    assertThat(number(frame.body(), "$.totals.gmvTodayFen")).isEqualTo(last * 10);
                }
            }
            assertThat(last).isEqualTo(30);
            assertThat(arrivals.size()).isGreaterThanOrEqualTo(3);
            for (int i = 1; i < arrivals.size(); i++) {
                assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1))).isGreaterThan(Duration.ofMillis(800));
            }
        }
    }
}
