package io.livehall.showcase.live;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.showcase.ShowcaseFixtures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls of the live-session API shared by its tests. */
abstract class LiveTestSupport extends IntegrationTest {

    protected LiveFixtures fixtures() {
        return new LiveFixtures(http, db);
    }

    /** A valid schedule request: starts in an hour, HLS stream, these products. */
    protected static Map<String, Object> request(String title, List<Long> productIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("startsAt", Instant.now().plus(Duration.ofHours(1)).toString());
        body.put("streamUrl", "https://cdn.example.com/live/tea.m3u8");
        body.put("productIds", productIds);
        return body;
    }

    protected WebTestClient.ResponseSpec call(HttpMethod method, String token, String uri, Object body) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(uri);
        if (token != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return spec.exchange();
    }

    protected WebTestClient.ResponseSpec post(String token, String uri, Object body) {
        return call(HttpMethod.POST, token, uri, body);
    }

    protected WebTestClient.ResponseSpec get(String token, String uri) {
        return call(HttpMethod.GET, token, uri, null);
    }

    /** Schedules through the API and answers the new session's id. */
    protected long schedule(ShowcaseFixtures.Merchant merchant, List<Long> productIds) {
        Number id = post(merchant.user().token(), "/api/merchant/live-sessions", request("新茶品鉴会", productIds))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id") instanceof Number n ? n : null;
        return id.longValue();
    }

    protected void start(ShowcaseFixtures.Merchant merchant, long sessionId) {
        post(merchant.user().token(), "/api/merchant/live-sessions/" + sessionId + "/start", null).expectStatus().isOk();
    }

    /** A merchant with two on-sale products, one draft and one off-shelf. */
    protected record Shop(ShowcaseFixtures.Merchant merchant, long tea, long cup, long draft, long offShelf) {
    }

    protected Shop shop(String prefix) {
        LiveFixtures f = fixtures();
        ShowcaseFixtures.Merchant m = f.merchant(prefix);
        return new Shop(m, f.product(m.id(), "东裕绿茶", 12800, "ON_SALE"), f.product(m.id(), "茶杯", 3900, "ON_SALE"),
                f.product(m.id(), "新品（草稿）", 100, "DRAFT"), f.product(m.id(), "旧款（已下架）", 100, "OFF_SHELF"));
    }
}
