package io.livehall.showcase.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.livehall.common.redis.RedisKeys;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import io.livehall.identity.TestTokens;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;

/** After the live: figures kept at the end, 往期直播, the replay link's rules and the ended room's offer. */
class PastSessionsTest extends LiveTestSupport {

    private static final String BASE = "/api/merchant/live-sessions";

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ApplicationContext context;

    @Test
    void anEndedSessionKeepsItsLikesAndSalesAndIsListedUnderPastSessions() {
        Shop shop = shop("past");
        long id = schedule(shop.merchant(), List.of(shop.tea(), shop.cup()));
        start(shop.merchant(), id);
        redis.opsForValue().set(RedisKeys.of("live", id, "likes"), "37").block();
        ShowcaseFixtures.Account buyer = fixtures().viewer("pastbuyer");
        order(buyer.id(), shop, id, 2, 12800, "PAID");
        order(buyer.id(), shop, id, 1, 3900, "CREATED");
        order(buyer.id(), shop, id, 5, 12800, "CANCELLED");

        post(shop.merchant().user().token(), BASE + "/" + id + "/end", null).expectStatus().isOk();

        Map<?, ?> card = pastCard(id);
        assertThat(card.get("title")).isEqualTo("新茶品鉴会");
        assertThat(((Map<?, ?>) card.get("merchant")).get("name")).isEqualTo("past 商家");
        assertThat(card.get("productCount")).isEqualTo(2);
        assertThat(card.get("endedAt")).isNotNull();
        assertThat(card.get("replayUrl")).isNull();
        Map<?, ?> figures = (Map<?, ?>) card.get("figures");
        assertThat(figures.get("likes")).isEqualTo(37);
        assertThat(figures.get("orders")).isEqualTo(2);
        assertThat(figures.keySet()).map(String::valueOf).contains("peak", "unique", "watchSeconds")
                .doesNotContain("gmvFen"); // the merchant's turnover is kept, not published
        assertThat(db.sql("select gmv_fen from live_session where id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2 * 12800 + 3900);

        // a later cancellation does not rewrite what was kept at the end
        db.sql("update customer_order set status = 'CANCELLED' where session_id = :s").bind("s", id).fetch().rowsUpdated().block();
        assertThat(((Map<?, ?>) pastCard(id).get("figures")).get("orders")).isEqualTo(2);
    }

    @Test
    void aSessionEndedBySuspendingItsMerchantKeepsItsLikesAndSalesToo() {
        Shop shop = shop("pastsusp2");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        redis.opsForValue().set(RedisKeys.of("live", id, "likes"), "5").block();
        order(fixtures().viewer("pastsuspbuyer").id(), shop, id, 1, 12800, "PAID");
        ShowcaseFixtures.Account organiser = fixtures().viewer("pastsuspadmin");
        db.sql("update app_user set roles = array['VIEWER', 'ORGANISER'] where id = :id").bind("id", organiser.id())
                .fetch().rowsUpdated().block();

        call(HttpMethod.PUT, TestTokens.mint(context, organiser.id()),
                "/api/organiser/merchants/" + shop.merchant().id() + "/status", Map.of("status", "SUSPENDED"))
                .expectStatus().isOk();

        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "ENDED".equals(db.sql(
                        "select status from live_session where id = :id").bind("id", id)
                .map(row -> row.get("status", String.class)).one().block()));
        Map<String, Object> kept = db.sql("select likes, order_count, gmv_fen from live_session where id = :id")
                .bind("id", id).fetch().one().block();
        assertThat(kept).containsEntry("likes", 5L).containsEntry("order_count", 1L).containsEntry("gmv_fen", 12800L);
    }

    @Test
    void pastSessionsAreEndedOnesOfActiveMerchantsMostRecentFirstPageByPage() {
        Shop shop = shop("pastlist");
        long older = fixtures().session(shop.merchant().id(), "ENDED");
        db.sql("update live_session set ended_at = now() - interval '1 hour' where id = :id").bind("id", older)
                .fetch().rowsUpdated().block();
        long newer = fixtures().session(shop.merchant().id(), "ENDED");
        long live = fixtures().session(shop.merchant().id(), "LIVE");
        long scheduled = fixtures().session(shop.merchant().id(), "SCHEDULED");
        Shop suspended = shop("pastsusp");
        long hidden = fixtures().session(suspended.merchant().id(), "ENDED");
        db.sql("update merchant set status = 'SUSPENDED' where id = :id").bind("id", suspended.merchant().id())
                .fetch().rowsUpdated().block();

        List<Long> all = pastIds(get(null, "/api/live-sessions/past?limit=100").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(all).contains(newer, older).doesNotContain(live, scheduled, hidden);
        assertThat(all.indexOf(newer)).isLessThan(all.indexOf(older));

        // keyset paging: one at a time walks to the older one without repeats
        String after = null;
        List<Long> walked = new java.util.ArrayList<>();
        for (int i = 0; i < 200 && !walked.contains(older); i++) {
            Map<?, ?> page = get(null, "/api/live-sessions/past?limit=1" + (after == null ? "" : "&after=" + after))
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            walked.addAll(pastIds(page));
            after = (String) page.get("next");
            if (after == null) {
                break;
            }
        }
        assertThat(walked).doesNotHaveDuplicates().contains(newer, older);
        get(null, "/api/live-sessions/past?after=oops").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("分页游标无效");
    }

    @Test
    void theMerchantSetsAndClearsTheReplayLinkOfItsOwnEndedSessionOnly() {
        Shop shop = shop("replay");
        Shop rival = shop("replayrival");
        long ended = fixtures().session(shop.merchant().id(), "ENDED");
        long live = fixtures().session(shop.merchant().id(), "LIVE");
        String token = shop.merchant().user().token();
        String url = "https://v.example.com/replay/" + ended + "?t=1";

        call(HttpMethod.PUT, token, BASE + "/" + ended + "/replay", Map.of("replayUrl", "  " + url + " "))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.sessionId").isEqualTo(ended)
                .jsonPath("$.replayUrl").isEqualTo(url);
        get(token, BASE + "/" + ended + "/replay").expectStatus().isOk().expectBody().jsonPath("$.replayUrl").isEqualTo(url);
        assertThat(pastCard(ended).get("replayUrl")).isEqualTo(url);
        get(null, "/api/live-sessions/" + ended + "/after").expectStatus().isOk().expectBody()
                .jsonPath("$.replayUrl").isEqualTo(url);

        // not ended yet: 409; someone else's or none: 404; not a merchant: 403
        call(HttpMethod.PUT, token, BASE + "/" + live + "/replay", Map.of("replayUrl", url))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").isEqualTo("直播直播中，结束后才能设置回放");
        call(HttpMethod.PUT, rival.merchant().user().token(), BASE + "/" + ended + "/replay", Map.of("replayUrl", url))
                .expectStatus().isNotFound();
        call(HttpMethod.DELETE, rival.merchant().user().token(), BASE + "/" + ended + "/replay", null)
                .expectStatus().isNotFound();
        get(rival.merchant().user().token(), BASE + "/" + ended + "/replay").expectStatus().isNotFound();
        call(HttpMethod.PUT, token, BASE + "/999999999/replay", Map.of("replayUrl", url)).expectStatus().isNotFound();
        call(HttpMethod.PUT, fixtures().viewer("replayviewer").token(), BASE + "/" + ended + "/replay", Map.of("replayUrl", url))
                .expectStatus().isForbidden();
        call(HttpMethod.PUT, null, BASE + "/" + ended + "/replay", Map.of("replayUrl", url)).expectStatus().isUnauthorized();

        // only complete http(s) addresses of bounded length
        for (String bad : List.of("", "   ", "javascript:alert(1)", "ftp://v.example.com/1", "https://", "//v.example.com/x",
                "https://a b.com/x", "https://v.example.com/" + "a".repeat(480), "https://user@v.example.com/x")) {
            call(HttpMethod.PUT, token, BASE + "/" + ended + "/replay", Map.of("replayUrl", bad))
                    .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json").expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("replayUrl")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("java", "Request"));
        }
        assertThat(pastCard(ended).get("replayUrl")).isEqualTo(url);

        call(HttpMethod.DELETE, token, BASE + "/" + ended + "/replay", null).expectStatus().isOk().expectBody()
                .jsonPath("$.replayUrl").isEmpty();
        assertThat(pastCard(ended).get("replayUrl")).isNull();
    }

    @Test
    void anEndedRoomOffersTheMerchantsNextSessionAndSomeOfItsProducts() {
        Shop shop = shop("next");
        long ended = fixtures().session(shop.merchant().id(), "ENDED");
        long later = fixtures().session(shop.merchant().id(), "SCHEDULED");
        db.sql("update live_session set starts_at = now() + interval '3 days' where id = :id").bind("id", later)
                .fetch().rowsUpdated().block();
        long soon = fixtures().session(shop.merchant().id(), "SCHEDULED");
        long cancelled = fixtures().session(shop.merchant().id(), "CANCELLED");
        db.sql("update live_session set starts_at = now() + interval '5 minutes' where id = :id").bind("id", cancelled)
                .fetch().rowsUpdated().block();
        fixtures().session(shop("nextother").merchant().id(), "SCHEDULED");

        get(null, "/api/live-sessions/" + ended + "/after").expectStatus().isOk().expectBody()
                .jsonPath("$.sessionId").isEqualTo(ended)
                .jsonPath("$.replayUrl").isEmpty()
                .jsonPath("$.next.id").isEqualTo(soon)
                .jsonPath("$.next.status").isEqualTo("SCHEDULED")
                .jsonPath("$.next.title").isEqualTo("测试直播")
                // on-sale products only: the draft and the off-shelf one are not offered
                .jsonPath("$.products.length()").isEqualTo(2)
                .jsonPath("$.products[?(@.id == " + shop.draft() + ")]").doesNotExist()
                .jsonPath("$.products[?(@.id == " + shop.tea() + ")].priceFen").isEqualTo(12800);

        // a session live now comes first
        long live = fixtures().session(shop.merchant().id(), "LIVE");
        get(null, "/api/live-sessions/" + ended + "/after").expectStatus().isOk().expectBody()
                .jsonPath("$.next.id").isEqualTo(live)
                .jsonPath("$.next.status").isEqualTo("LIVE");

        // nothing next: null; no such session: 404
        long lonely = fixtures().session(shop("nextnone").merchant().id(), "ENDED");
        get(null, "/api/live-sessions/" + lonely + "/after").expectStatus().isOk().expectBody()
                .jsonPath("$.next").isEmpty()
                .jsonPath("$.products.length()").isEqualTo(2);
        get(null, "/api/live-sessions/999999999/after").expectStatus().isNotFound();
    }

    private Map<?, ?> pastCard(long id) {
        Map<?, ?> page = get(null, "/api/live-sessions/past?limit=100").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(Map.class::cast)
                .filter(c -> ((Number) c.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("session " + id + " not under 往期直播"));
    }

    private static List<Long> pastIds(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(i -> ((Number) ((Map<?, ?>) i).get("id")).longValue()).toList();
    }

    private void order(long buyerId, Shop shop, long sessionId, int quantity, long unitFen, String status) {
        db.sql("""
                        insert into customer_order (buyer_id, merchant_id, product_id, product_name, session_id, quantity,
                                                    unit_price_fen, total_fen, status, idempotency_key, request_hash,
                                                    recipient_name, recipient_phone, address, pay_by)
                        values (:buyer, :merchant, :product, '东裕绿茶', :session, :q, :unit, :unit * :q, :status,
                                gen_random_uuid()::text, 'x', '张三', '13800000000', '西安市雁塔区', now() + interval '30 minutes')""")
                .bind("buyer", buyerId).bind("merchant", shop.merchant().id()).bind("product", shop.tea())
                .bind("session", sessionId).bind("q", quantity).bind("unit", unitFen).bind("status", status)
                .fetch().rowsUpdated().block();
    }
}
