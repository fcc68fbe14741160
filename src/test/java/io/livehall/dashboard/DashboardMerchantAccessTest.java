package io.livehall.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.fair.FairFixtures;
import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures.Merchant;
import io.livehall.showcase.order.OrderFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may see a merchant's dashboard ({@code merchant-<id>}): every organiser (as the showcase: also one who runs only
 * a fair, or nothing) and admin sees every merchant; merchant A's user sees A's and nothing else (B's 404, the showcase
 * and a fair 403); a merchant-role user whose enterprise is no merchant, a viewer: 403; anonymous 401; the same on the
 * topic. The organisers' merchant list and its search; a live room's viewers sampled into its merchant's minute, and a
 * flash deal selling out counted once in its merchant's scope.
 */
class DashboardMerchantAccessTest extends IntegrationTest {

    private static final String[] SUFFIXES = {"", "/history?by=hour", "/history.csv?by=day", "/report"};

    @Autowired
    ApplicationContext context;
    @Autowired
    ViewerSampler sampler;
    @Autowired
    Tally tally;

    OrderFixtures orders;
    FairFixtures fx;
    Merchant a;
    Merchant b;
    FairFixtures.Account organiser;
    FairFixtures.Account fairOrganiser;
    FairFixtures.Account admin;
    FairFixtures.Account merchantRoleOnly;
    FairFixtures.Account viewer;
    long fair;
    String tag;

    @BeforeEach
    void twoMerchantsAndTheOthers() {
        orders = new OrderFixtures(http, db, context);
        fx = new FairFixtures(db, context);
        tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        a = named(orders.merchant("dash-a"), "甲茶叶" + tag);
        b = named(orders.merchant("dash-b"), "乙茶叶" + tag);
        organiser = fx.account("ORGANISER");
        fairOrganiser = fx.account("ORGANISER");
        fair = fx.fair(fairOrganiser.id());
        admin = fx.account("ADMIN");
        merchantRoleOnly = fx.account("MERCHANT");
        viewer = fx.account("VIEWER");
    }

    private Merchant named(Merchant merchant, String name) {
        db.sql("update merchant set display_name = :n where id = :id").bind("n", name).bind("id", merchant.id())
                .fetch().rowsUpdated().block();
        return merchant;
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange();
    }

    @Test
    void organisersSeeEveryMerchantAMerchantOnlyItsOwn() {
        String scopeA = "/api/dashboard/merchant-" + a.id();
        String scopeB = "/api/dashboard/merchant-" + b.id();
        for (String suffix : SUFFIXES) {
            for (String token : new String[] {organiser.token(), fairOrganiser.token(), admin.token()}) {
                get(token, scopeA + suffix).expectStatus().isOk();
                get(token, scopeB + suffix).expectStatus().isOk();
                get(token, "/api/dashboard/merchant-999999999999" + suffix).expectStatus().isNotFound();
            }
            get(a.user().token(), scopeA + suffix).expectStatus().isOk();
            get(a.user().token(), scopeB + suffix).expectStatus().isNotFound();
            get(b.user().token(), scopeA + suffix).expectStatus().isNotFound();
            get(a.user().token(), "/api/dashboard/merchant-999999999999" + suffix).expectStatus().isNotFound();
            get(a.user().token(), "/api/dashboard/merchant-0" + suffix).expectStatus().isNotFound();
            get(a.user().token(), "/api/dashboard/merchant-" + a.id() + "x" + suffix).expectStatus().isNotFound();
            get(a.user().token(), "/api/dashboard/merchant-99999999999999999999" + suffix).expectStatus().isNotFound();
            get(a.user().token(), "/api/dashboard/showcase" + suffix).expectStatus().isForbidden();
            get(a.user().token(), "/api/dashboard/platform" + suffix).expectStatus().isForbidden();
            get(a.user().token(), "/api/dashboard/mine" + suffix).expectStatus().isForbidden();
            get(a.user().token(), "/api/dashboard/fair-" + fair + suffix).expectStatus().isForbidden();
            get(merchantRoleOnly.token(), scopeA + suffix).expectStatus().isForbidden();
            get(viewer.token(), scopeA + suffix).expectStatus().isForbidden();
            get(null, scopeA + suffix).expectStatus().isUnauthorized();
        }
        get(a.user().token(), scopeB).expectHeader().contentType("application/problem+json").expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("Exception", "io.livehall"));
        get(a.user().token(), "/api/dashboard/showcase").expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aMerchantsScopesAreItsOwnAndOrganisersSearchTheMerchants() {
        get(a.user().token(), "/api/dashboard/scopes").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].scope").isEqualTo("merchant-" + a.id())
                .jsonPath("$[0].kind").isEqualTo("MERCHANT")
                .jsonPath("$[0].title").isEqualTo("甲茶叶" + tag);
        get(merchantRoleOnly.token(), "/api/dashboard/scopes").expectStatus().isForbidden();
        // the organisers' picker lists merchants apart (not in their scopes)
        get(organiser.token(), "/api/dashboard/scopes").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.kind == 'MERCHANT')]").isEmpty();

        get(organiser.token(), "/api/dashboard/merchants?q=甲茶叶" + tag).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].title").isEqualTo("甲茶叶" + tag)
                .jsonPath("$[?(@.scope == 'merchant-" + b.id() + "')]").isEmpty();
        get(admin.token(), "/api/dashboard/merchants").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").value(n -> assertThat((Integer) n).isBetween(2, MerchantScopes.LIST_MAX));
        get(fairOrganiser.token(), "/api/dashboard/merchants?q= 乙茶叶" + tag.toUpperCase()).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.scope == 'merchant-" + b.id() + "')].kind").isEqualTo(List.of("MERCHANT"));
        get(organiser.token(), "/api/dashboard/merchants?q=" + "长".repeat(51)).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json").expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.detail").isEqualTo("搜索词最多 50 个字");
        // a NUL (and the other control characters: BadTextSweepTest)
        http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/dashboard/merchants?q=a%00b"))
                .header("Authorization", "Bearer " + organiser.token()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.detail").isEqualTo("搜索词" + io.livehall.common.text.TextRules.CONTROL);
        get(a.user().token(), "/api/dashboard/merchants").expectStatus().isForbidden();
        get(viewer.token(), "/api/dashboard/merchants").expectStatus().isForbidden();
        get(null, "/api/dashboard/merchants").expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheMerchantAndOrganisersSubscribeToItsTopic() {
        String topic = "/topic/dashboard/merchant-" + a.id() + "/overview";
        for (String token : new String[] {a.user().token(), organiser.token(), admin.token()}) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(token);
                client.subscribe("d", topic);
                assertThat(client.expect("MESSAGE").body()).contains("\"scope\":\"merchant-" + a.id() + "\"");
            }
        }
        for (String token : new String[] {b.user().token(), merchantRoleOnly.token(), viewer.token(), null}) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(token);
                client.send("SUBSCRIBE", null, "id", "d", "destination", topic);
                assertThat(client.expect("ERROR").header("message")).isEqualTo("Not allowed");
            }
        }
    }

    @Test
    void aLiveRoomsViewersAreSampledIntoItsMerchantsMinute() throws Exception {
        long session = orders.liveSession(a.id());
        try (RawStompClient watcher = RawStompClient.open(port)) {
            watcher.connectAsGuest(guestPass());
            watcher.subscribe("v", "/topic/live/" + session + "/viewers");
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                sampler.sample().block();
                long minute = Tally.minuteOf(clock.instant());
                assertThat(tally.minute(Tally.merchant(a.id()), minute).block())
                        .containsEntry(Measure.VIEWERS_PEAK.field(), 1L);
            });
            assertThat(tally.minute(Tally.merchant(b.id()), Tally.minuteOf(clock.instant())).block()).isEmpty();
            get(a.user().token(), "/api/dashboard/merchant-" + a.id()).expectStatus().isOk().expectBody()
                    .jsonPath("$.rooms[0].id").isEqualTo(session)
                    .jsonPath("$.totals.viewersNow").isEqualTo(1);
        }
    }

    @Test
    void aFlashDealSellingOutCountsOnceForItsMerchant() {
        OrderFixtures.LiveDeal live = orders.liveDeal("dash-mdeal", 9_900, 100, 5_900, 2, 1);
        String scope = "/api/dashboard/merchant-" + live.merchant().id();
        for (OrderFixtures.Buyer buyer : orders.buyers("dash-mdeal-b", 2)) {
            orders.order(buyer.token(), java.util.UUID.randomUUID().toString(), OrderFixtures.dealOrder(live.deal(), 1))
                    .expectStatus().is2xxSuccessful();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                get(live.merchant().user().token(), scope).expectStatus().isOk().expectBody()
                        .jsonPath("$.totals.dealsSoldOut").isEqualTo(1)
                        .jsonPath("$.totals.ordersToday").isEqualTo(2)
                        .jsonPath("$.totals.gmvTodayFen").isEqualTo(11_800));
        // published again (a stock change, a reconcile): still once
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                get(organiser.token(), scope).expectStatus().isOk().expectBody().jsonPath("$.totals.dealsSoldOut").isEqualTo(1));
        get(a.user().token(), scope).expectStatus().isNotFound();
    }
}
