package io.livehall.showcase.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Scheduling, editing, the state machine and who may do what, through HTTP. */
class LiveSessionApiTest extends LiveTestSupport {

    private static final String BASE = "/api/merchant/live-sessions";

    @Test
    void aMerchantSchedulesASessionThatTheScheduleAndTheRoomShow() {
        Shop shop = shop("sched");
        long cover = fixtures().file(shop.merchant().user().id(), "IMAGE");
        long teaImage = fixtures().file(shop.merchant().user().id(), "IMAGE");
        fixtures().productImage(shop.tea(), teaImage);
        Map<String, Object> body = request("  东裕茗茶开业直播  ", List.of(shop.cup(), shop.tea()));
        body.put("coverFileId", cover);

        post(shop.merchant().user().token(), BASE, body).expectStatus().isCreated().expectBody()
                .jsonPath("$.title").isEqualTo("东裕茗茶开业直播")
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.coverFileId").isEqualTo(cover)
                .jsonPath("$.streamKind").isEqualTo("HLS")
                .jsonPath("$.merchant.name").isEqualTo("sched 商家")
                .jsonPath("$.lineup.length()").isEqualTo(2)
                .jsonPath("$.lineup[0].name").isEqualTo("茶杯")
                .jsonPath("$.lineup[1].productId").isEqualTo(shop.tea())
                .jsonPath("$.lineup[1].priceFen").isEqualTo(12800)
                .jsonPath("$.lineup[1].coverFileId").isEqualTo(teaImage)
                .jsonPath("$.pinned").isEmpty();
        Map<?, ?> mine = get(shop.merchant().user().token(), BASE).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ids(mine)).hasSize(1);
        long id = ids(mine).get(0);

        get(null, "/api/live-sessions/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.lineup[0].productId").isEqualTo(shop.cup())
                .jsonPath("$.viewers.now").isEqualTo(0)
                .jsonPath("$.reminded").isEqualTo(false)
                .jsonPath("$.streamUrl").isEqualTo("https://cdn.example.com/live/tea.m3u8");
        get(null, "/api/live-sessions/999999999").expectStatus().isNotFound();

        // the lineup picker offers the merchant's on-sale products only
        get(shop.merchant().user().token(), BASE + "/products").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(shop.cup())
                .jsonPath("$[1].coverFileId").isEqualTo(teaImage);
    }

    @Test
    void badRequestsAreRefusedWithEveryFieldAndNothingIsWritten() {
        Shop shop = shop("invalid");
        Shop other = shop("rival");
        long before = countSessions(shop.merchant().id());

        Map<String, Object> past = request("过去的直播", List.of(shop.tea()));
        past.put("startsAt", Instant.now().minus(Duration.ofMinutes(5)).toString());
        past.put("streamUrl", "rtmp://push.example.com/live/1");
        post(shop.merchant().user().token(), BASE, past).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/validation")
                .jsonPath("$.errors[?(@.field == 'startsAt')]").exists()
                .jsonPath("$.errors[?(@.field == 'streamUrl')]").exists();

        // a path on this host is for the platform's own demo stream only: merchants give a complete address
        for (String url : List.of("not a url", "https://", "javascript:alert(1)", "https://a b.com/x.m3u8",
                "/demo/stream/live.m3u8")) {
            Map<String, Object> bad = request("坏地址", List.of(shop.tea()));
            bad.put("streamUrl", url);
            post(shop.merchant().user().token(), BASE, bad).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("streamUrl");
        }

        Map<String, Object> lineup = request("坏商品", List.of(shop.tea(), other.tea(), shop.draft(), shop.offShelf(), shop.tea(), 999999999L));
        lineup.put("coverFileId", fixtures().file(shop.merchant().user().id(), "DOCUMENT"));
        post(shop.merchant().user().token(), BASE, lineup).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(6)
                .jsonPath("$.errors[?(@.field == 'coverFileId')].message").isEqualTo(List.of("封面需为已上传的图片"))
                .jsonPath("$.errors[?(@.field == 'productIds[1]')].message").isEqualTo(List.of("商品不存在或不属于本店"))
                .jsonPath("$.errors[?(@.field == 'productIds[2]')]").exists()
                .jsonPath("$.errors[?(@.field == 'productIds[3]')]").exists()
                .jsonPath("$.errors[?(@.field == 'productIds[4]')].message").isEqualTo(List.of("商品重复"))
                .jsonPath("$.errors[?(@.field == 'productIds[5]')]").exists();

        post(shop.merchant().user().token(), BASE, Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'productIds')]").exists();
        assertThat(countSessions(shop.merchant().id())).isEqualTo(before);
    }

    @Test
    void onlyTheOwningMerchantTouchesASession() {
        Shop shop = shop("owner");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        ShowcaseFixtures.Merchant rival = fixtures().merchant("intruder");
        String viewer = fixtures().viewer("fan").token();
        String path = BASE + "/" + id;

        post(null, BASE, request("匿名", List.of())).expectStatus().isUnauthorized();
        get(null, BASE).expectStatus().isUnauthorized();
        post(viewer, BASE, request("观众", List.of())).expectStatus().isForbidden();
        post(viewer, path + "/start", null).expectStatus().isForbidden();
        get(viewer, path).expectStatus().isForbidden();

        String other = rival.user().token();
        get(other, path).expectStatus().isNotFound();
        call(HttpMethod.PUT, other, path, request("改别人的", List.of())).expectStatus().isNotFound();
        post(other, path + "/start", null).expectStatus().isNotFound();
        post(other, path + "/cancel", null).expectStatus().isNotFound();
        post(other, path + "/end", null).expectStatus().isNotFound();
        call(HttpMethod.PUT, other, path + "/pinned", Map.of("productId", shop.tea())).expectStatus().isNotFound();
        get(other, BASE).expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        get(shop.merchant().user().token(), path).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

        // a merchant that has not accepted the newest agreements may look but not schedule or go live
        db.sql("delete from agreement_acceptance where merchant_id = :m").bind("m", shop.merchant().id())
                .fetch().rowsUpdated().block();
        post(shop.merchant().user().token(), path + "/start", null).expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/agreements-not-accepted");
        post(shop.merchant().user().token(), BASE, request("未签协议", List.of())).expectStatus().isForbidden();
        get(shop.merchant().user().token(), path).expectStatus().isOk();
    }

    @Test
    void theStateMachineRefusesWhatItsStateDoesNotAllow() {
        Shop shop = shop("states");
        String token = shop.merchant().user().token();
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        String path = BASE + "/" + id;

        call(HttpMethod.PUT, token, path + "/pinned", Map.of("productId", shop.tea())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/not-live");
        post(token, path + "/end", null).expectStatus().isEqualTo(409);
        call(HttpMethod.PUT, token, path, request("改名后", List.of(shop.cup(), shop.tea()))).expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("改名后").jsonPath("$.lineup[0].productId").isEqualTo(shop.cup());

        post(token, path + "/start", null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.startedAt").isNotEmpty();
        post(token, path + "/start", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/live-session-state");
        call(HttpMethod.PUT, token, path, request("开播后再改", List.of(shop.tea()))).expectStatus().isEqualTo(409);
        post(token, path + "/cancel", null).expectStatus().isEqualTo(409);

        post(token, path + "/end", null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ENDED").jsonPath("$.endedAt").isNotEmpty();
        post(token, path + "/end", null).expectStatus().isEqualTo(409);
        post(token, path + "/start", null).expectStatus().isEqualTo(409);

        long other = schedule(shop.merchant(), List.of());
        post(token, BASE + "/" + other + "/cancel", null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CANCELLED");
        post(token, BASE + "/" + other + "/start", null).expectStatus().isEqualTo(409);
    }

    @Test
    void theScheduleListsUpcomingSessionsByStartWithKeysetPages() {
        Shop shop = shop("paging");
        Instant base = Instant.now().plus(Duration.ofDays(150))
                .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(28_000)));
        long[] ids = new long[3];
        for (int i = 2; i >= 0; i--) { // created in reverse: the order comes from the start time
            Map<String, Object> body = request("第" + i + "场", List.of());
            body.put("startsAt", base.plus(Duration.ofMinutes(i + 1)).toString());
            ids[i] = ((Number) post(shop.merchant().user().token(), BASE, body).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        }
        String after = ScheduleCursor.of(new LiveSession(0, 0, "", null, base, "", LiveStatus.SCHEDULED,
                null, null, null, 0, 0, 0));
        Map<?, ?> first = get(null, "/api/live-sessions?limit=2&after=" + after).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ids(first)).containsExactly(ids[0], ids[1]);
        assertThat(first.get("next")).isNotNull();
        Map<?, ?> second = get(null, "/api/live-sessions?limit=2&after=" + first.get("next")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ids(second).get(0)).isEqualTo(ids[2]);

        get(null, "/api/live-sessions?after=nonsense").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/bad-cursor");
        // cancelled sessions leave the schedule
        post(shop.merchant().user().token(), BASE + "/" + ids[0] + "/cancel", null).expectStatus().isOk();
        Map<?, ?> again = get(null, "/api/live-sessions?limit=2&after=" + after).expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(ids(again)).containsExactly(ids[1], ids[2]);
    }

    private static List<Long> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(i -> ((Number) ((Map<?, ?>) i).get("id")).longValue()).toList();
    }

    private long countSessions(long merchantId) {
        return db.sql("select count(*) as n from live_session where merchant_id = :m").bind("m", merchantId)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
