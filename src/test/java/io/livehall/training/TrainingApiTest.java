package io.livehall.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.presence.Presence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Trainings end to end: organiser CRUD and its rules, validation, transitions, public list and filters, rooms. */
class TrainingApiTest extends IntegrationTest {

    private static final String STREAM = "https://cdn.example.com/train/a.m3u8";

    @Autowired
    FileStorage files;

    @Autowired
    Presence presence;

    private record Account(long id, String token) {
    }

    private Account organiser(String prefix) {
        String name = uniqueName(prefix);
        registerAndLogin(name, "Secret-pass-123");
        grantRoles(name, "VIEWER", "ORGANISER");
        String token = login(name, "Secret-pass-123");
        long id = db.sql("select id from app_user where username = :u").bind("u", name)
                .map(row -> row.get("id", Long.class)).one().block();
        return new Account(id, token);
    }

    private WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return spec.exchange();
    }

    private static Map<String, Object> series(String title, String audience, List<String> tags) {
        return Map.of("title", title, "audience", audience, "tags", tags);
    }

    private Map<String, Object> session(String title, Instant startsAt, Object duration, String url, List<Long> materials) {
        return Map.of("title", title, "lecturer", "王老师", "startsAt", startsAt.toString(), "durationMinutes", duration,
                "streamUrl", url, "materialFileIds", materials);
    }

    private Instant soon() {
        return clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private long createSeries(Account who, String title, List<String> tags) {
        return ((Number) send("POST", who.token(), "/api/organiser/training/series", series(title, "企业负责人", tags))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    private long createSession(Account who, long seriesId, Instant startsAt) {
        return ((Number) send("POST", who.token(), "/api/organiser/training/series/" + seriesId + "/sessions",
                session("第一课", startsAt, 90, STREAM, List.of()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    @Test
    void anOrganiserCreatesASeriesWithSessionsAndMaterialsThatEveryoneCanRead() {
        Account org = organiser("train-org");
        long pdf = files.store(org.id(), FilePurpose.DOCUMENT, "讲义.pdf", "application/pdf", "%PDF-1.4".getBytes()).block().id();
        long seriesId = createSeries(org, "宁夏系列培训", List.of("专精特新", "宁夏"));
        long sessionId = ((Number) send("POST", org.token(), "/api/organiser/training/series/" + seriesId + "/sessions",
                session("趋势篇", soon(), 90, STREAM, List.of(pdf)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();

        send("GET", null, "/api/training/series/" + seriesId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("宁夏系列培训")
                .jsonPath("$.tags[0]").isEqualTo("专精特新")
                .jsonPath("$.sessions[0].id").isEqualTo(sessionId)
                .jsonPath("$.sessions[0].status").isEqualTo("SCHEDULED");
        send("GET", null, "/api/training/sessions/" + sessionId, null).expectStatus().isOk().expectBody()
                .jsonPath("$.lecturer").isEqualTo("王老师")
                .jsonPath("$.durationMinutes").isEqualTo(90)
                .jsonPath("$.streamKind").isEqualTo("HLS")
                .jsonPath("$.materials[0].name").isEqualTo("讲义.pdf");

        // edit the series and the session (materials removed)
        send("PUT", org.token(), "/api/organiser/training/series/" + seriesId, series("宁夏系列培训（第二期）", "财务人员", List.of("政策")))
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("宁夏系列培训（第二期）");
        send("PUT", org.token(), "/api/organiser/training/sessions/" + sessionId, session("趋势篇（修订）", soon(), 60, STREAM, List.of()))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("趋势篇（修订）")
                .jsonPath("$.materials.length()").isEqualTo(0);
        send("GET", org.token(), "/api/organiser/training/series", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].sessionCount").isEqualTo(1);
    }

    @Test
    void anotherOrganisersIdsAre404AViewerIs403AndAnAdminMayEditAnySeries() {
        Account owner = organiser("train-own");
        Account other = organiser("train-oth");
        long seriesId = createSeries(owner, "别人的系列", List.of());
        long sessionId = createSession(owner, seriesId, soon());
        send("PUT", other.token(), "/api/organiser/training/series/" + seriesId, series("抢改", "", List.of()))
                .expectStatus().isNotFound();
        send("GET", other.token(), "/api/organiser/training/series/" + seriesId, null).expectStatus().isNotFound();
        send("POST", other.token(), "/api/organiser/training/series/" + seriesId + "/sessions", session("x", soon(), 30, STREAM, List.of()))
                .expectStatus().isNotFound();
        send("PUT", other.token(), "/api/organiser/training/sessions/" + sessionId, session("x", soon(), 30, STREAM, List.of()))
                .expectStatus().isNotFound();
        send("POST", other.token(), "/api/organiser/training/sessions/" + sessionId + "/start", null).expectStatus().isNotFound();
        send("GET", other.token(), "/api/organiser/training/series", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        // someone else's file is no material of mine
        long othersFile = files.store(owner.id(), FilePurpose.DOCUMENT, "a.pdf", "application/pdf", "%PDF-1.4".getBytes()).block().id();
        long mySeries = createSeries(other, "我的系列", List.of());
        send("POST", other.token(), "/api/organiser/training/series/" + mySeries + "/sessions",
                session("x", soon(), 30, STREAM, List.of(othersFile)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("materialFileIds[0]");

        String viewer = registerAndLogin(uniqueName("train-v"), "Secret-pass-123");
        send("POST", viewer, "/api/organiser/training/series", series("观众来建", "", List.of())).expectStatus().isForbidden();
        send("POST", null, "/api/organiser/training/series", series("游客来建", "", List.of())).expectStatus().isUnauthorized();

        String adminName = uniqueName("train-adm");
        registerAndLogin(adminName, "Secret-pass-123");
        grantRoles(adminName, "VIEWER", "ADMIN");
        String admin = login(adminName, "Secret-pass-123");
        send("PUT", admin, "/api/organiser/training/series/" + seriesId, series("管理员修订", "", List.of()))
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("管理员修订");
    }

    @Test
    void badInputIsA400WithChineseFieldErrors() {
        Account org = organiser("train-bad");
        send("POST", org.token(), "/api/organiser/training/series", series("坏\u0000标题", "", List.of()))
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        send("POST", org.token(), "/api/organiser/training/series", series("长".repeat(101), "", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("系列名称最多 100 字");
        send("POST", org.token(), "/api/organiser/training/series",
                series("标签太多", "", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tags");
        long seriesId = createSeries(org, "校验", List.of());
        String uri = "/api/organiser/training/series/" + seriesId + "/sessions";
        send("POST", org.token(), uri, session("课", soon(), 90, "javascript:alert(1)", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("streamUrl");
        send("POST", org.token(), uri, session("课", soon(), 90, "https://user:pw@cdn.example.com/a.m3u8", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("streamUrl");
        send("POST", org.token(), uri, session("课", soon(), 721, STREAM, List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("时长最多 720 分钟");
        send("POST", org.token(), uri, session("课", soon(), 3, STREAM, List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("durationMinutes");
        // an overflowing number is refused as unreadable input, not a server error
        send("POST", org.token(), uri, session("课", soon(), 99999999999L, STREAM, List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("java"));
        send("POST", org.token(), uri, session("课", clock.instant().minusSeconds(60), 30, STREAM, List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt");
        send("POST", org.token(), uri, session("课", clock.instant().plus(400, ChronoUnit.DAYS), 30, STREAM, List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("开始时间需在一年以内");
        send("GET", null, "/api/training/series?status=soon", null).expectStatus().isBadRequest();
        send("GET", null, "/api/training/sessions?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", null)
                .expectStatus().isBadRequest();
        send("GET", null, "/api/training/series/999999999", null).expectStatus().isNotFound();
        send("GET", null, "/api/training/sessions/999999999", null).expectStatus().isNotFound();
    }

    @Test
    void aSessionGoesLiveAndEndsOnceIllegalMovesAre409AndOpenPagesAreTold() {
        Account org = organiser("train-live");
        long seriesId = createSeries(org, "直播流转", List.of());
        long id = createSession(org, seriesId, soon());
        String base = "/api/organiser/training/sessions/" + id;
        send("POST", org.token(), base + "/end", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("课程未开始，不能结束直播");
        try (RawStompClient page = RawStompClient.open(port)) {
            page.connectAsGuest(guestPass());
            page.subscribe("s", "/topic/training/" + id + "/status");
            page.subscribe("v", "/topic/training/" + id + "/viewers");
            send("POST", org.token(), base + "/start", null).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.startedAt").isNotEmpty();
            assertThat(awaitMessage(page, "\"status\":\"LIVE\"")).contains("\"sessionId\":" + id);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> presence.viewers(TrainingDestinations.ROOM_TYPE, String.valueOf(id)).block().now() == 1);
            send("GET", null, "/api/training/sessions/" + id, null).expectStatus().isOk().expectBody()
                    .jsonPath("$.viewers.now").isEqualTo(1);
            send("POST", org.token(), base + "/start", null).expectStatus().isEqualTo(409);
            send("PUT", org.token(), base, session("直播中改", soon(), 30, STREAM, List.of())).expectStatus().isEqualTo(409);
            send("POST", org.token(), base + "/end", null).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("ENDED").jsonPath("$.endedAt").isNotEmpty();
            assertThat(awaitMessage(page, "\"status\":\"ENDED\"")).contains("\"sessionId\":" + id);
        }
        send("POST", org.token(), base + "/end", null).expectStatus().isEqualTo(409);
        send("POST", org.token(), base + "/start", null).expectStatus().isEqualTo(409);
    }

    @Test
    void theRoomExistsOnlyForRealSessions() {
        Account org = organiser("train-room");
        long real = createSession(org, createSeries(org, "房间", List.of()), soon());
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connectAsGuest(guestPass());
            guest.subscribe("w", "/topic/training/987654321012/viewers");
            guest.subscribe("x", "/topic/training/not-a-number/viewers");
            guest.subscribe("v", "/topic/training/" + real + "/viewers");
            // handled in order: once the real room counts the guest, the made-up ones were refused a room
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> presence.viewers(TrainingDestinations.ROOM_TYPE, String.valueOf(real)).block().now() == 1);
            assertThat(presence.viewers(TrainingDestinations.ROOM_TYPE, "987654321012").block().now()).isZero();
            assertThat(presence.viewers(TrainingDestinations.ROOM_TYPE, "987654321012").block().unique()).isZero();
        }
    }

    @Test
    void theSeriesOrganiserIsStaffNotAViewerWhileAnotherOrganiserIs() {
        Account owner = organiser("train-staff");
        Account other = organiser("train-watch");
        long id = createSession(owner, createSeries(owner, "员工", List.of()), soon());
        try (RawStompClient own = RawStompClient.open(port); RawStompClient watcher = RawStompClient.open(port)) {
            own.connect(owner.token());
            own.subscribe("v", "/topic/training/" + id + "/viewers");
            watcher.connect(other.token());
            watcher.subscribe("v", "/topic/training/" + id + "/viewers");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> presence.viewers(TrainingDestinations.ROOM_TYPE, String.valueOf(id)).block().now() == 1);
            // both subscribed before the other's count arrived; the owner is still not among them
            own.send("SUBSCRIBE", "", "id", "s", "destination", "/topic/training/" + id + "/status", "receipt", "r1");
            awaitReceipt(own, "r1");
            var viewers = presence.viewers(TrainingDestinations.ROOM_TYPE, String.valueOf(id)).block();
            assertThat(viewers.now()).isEqualTo(1);
            assertThat(viewers.unique()).isEqualTo(1);
        }
    }

    @Test
    void aPlatformPathStaysWhenUnchangedButANewOneIsRefused() {
        Account org = organiser("train-path");
        long series = createSeries(org, "演示流", List.of());
        long id = createSession(org, series, soon());
        send("POST", org.token(), "/api/organiser/training/series/" + series + "/sessions",
                session("新课", soon(), 60, "/demo/stream/live.m3u8", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("streamUrl");
        send("PUT", org.token(), "/api/organiser/training/sessions/" + id,
                session("第一课", soon(), 90, "/demo/stream/live.m3u8", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("streamUrl");
        // a session the demo seeded with the platform's own loop keeps it through an edit of its title
        db.sql("update training_session set stream_url = '/demo/stream/live.m3u8' where id = :id").bind("id", id)
                .fetch().rowsUpdated().block();
        send("PUT", org.token(), "/api/organiser/training/sessions/" + id,
                session("第一课（更新）", soon(), 90, "/demo/stream/live.m3u8", List.of()))
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("第一课（更新）")
                .jsonPath("$.streamUrl").isEqualTo("/demo/stream/live.m3u8");
        send("PUT", org.token(), "/api/organiser/training/sessions/" + id,
                session("第一课", soon(), 90, "/demo/stream/other.m3u8", List.of()))
                .expectStatus().isBadRequest();
        send("PUT", org.token(), "/api/organiser/training/sessions/" + id,
                session("第一课", soon(), 90, "//evil.example.com/a.m3u8", List.of()))
                .expectStatus().isBadRequest();
    }

    @Test
    void thePublicListPagesByKeysetAndFiltersByTagAudienceAndStatus() {
        Account org = organiser("train-list");
        String tag = uniqueName("标签");
        long upcoming = createSeries(org, "将开始", List.of(tag));
        createSession(org, upcoming, soon());
        long live = createSeries(org, "直播中", List.of(tag));
        long liveSession = createSession(org, live, soon());
        send("POST", org.token(), "/api/organiser/training/sessions/" + liveSession + "/start", null).expectStatus().isOk();
        long past = createSeries(org, "已结束", List.of(tag));
        long pastSession = createSession(org, past, soon());
        send("POST", org.token(), "/api/organiser/training/sessions/" + pastSession + "/start", null).expectStatus().isOk();
        send("POST", org.token(), "/api/organiser/training/sessions/" + pastSession + "/end", null).expectStatus().isOk();
        send("PUT", org.token(), "/api/organiser/training/series/" + past,
                Map.of("title", "已结束", "audience", "外贸企业财务主管", "tags", List.of(tag))).expectStatus().isOk();

        String list = "/api/training/series?tag=" + tag;
        send("GET", null, list + "&limit=2", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(past)
                .jsonPath("$.items[1].id").isEqualTo(live)
                .jsonPath("$.next").isEqualTo(String.valueOf(live));
        send("GET", null, list + "&limit=2&after=" + live, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(upcoming)
                .jsonPath("$.next").doesNotExist();
        send("GET", null, list + "&status=live", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(live)
                .jsonPath("$.items[0].liveCount").isEqualTo(1);
        send("GET", null, list + "&status=upcoming", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(upcoming);
        send("GET", null, list + "&status=past", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(past);
        send("GET", null, list + "&audience=财务主管", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(past);

        Instant from = soon().minus(1, ChronoUnit.DAYS);
        send("GET", null, "/api/training/sessions?from=" + from + "&to=" + from.plus(3, ChronoUnit.DAYS), null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.seriesId == " + upcoming + ")].title").isEqualTo(List.of("第一课"));
    }

    private static void awaitReceipt(RawStompClient client, String receipt) {
        for (int i = 0; i < 20; i++) {
            Frame frame = client.next();
            if (frame.command().equals("RECEIPT") && receipt.equals(frame.header("receipt-id"))) {
                return;
            }
        }
        throw new AssertionError("no receipt " + receipt);
    }

    /** Reads MESSAGE frames until one's body contains {@code text} (other frames, e.g. current values, are skipped). */
    private static String awaitMessage(RawStompClient client, String text) {
        for (int i = 0; i < 20; i++) {
            Frame frame = client.next();
            if (frame.command().equals("MESSAGE") && frame.body().contains(text)) {
                return frame.body();
            }
        }
        throw new AssertionError("no message containing " + text);
    }
}
