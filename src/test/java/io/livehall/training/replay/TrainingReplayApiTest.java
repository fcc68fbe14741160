package io.livehall.training.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.training.TrainingTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Replays end to end: the organiser sets one by address or upload (with chapters) once the session ended, and the
 * session becomes available for replay; heartbeats count replay views and watch time apart from the live audience.
 */
class TrainingReplayApiTest extends TrainingTestSupport {

    private static final String STREAM = "https://cdn.example.com/train/a.m3u8";
    private static final String VOD = "https://cdn.example.com/replay/a.m3u8";
    /** the start of an ISO base media file: an ftyp box with brand isom */
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'm', 'p', '4', '1', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};

    @Autowired
    ReplayWatch watch;

    private WebTestClient.ResponseSpec send(HttpMethod method, String token, String uri, Object body) {
        var spec = http.method(method).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A session of a new series of {@code who}, moved on to {@code status} (SCHEDULED, LIVE or ENDED). */
    private long session(Account who, String status) {
        long series = id(send(HttpMethod.POST, who.token(), "/api/organiser/training/series",
                Map.of("title", "回看系列", "audience", "", "tags", List.of())).expectStatus().isCreated());
        Instant startsAt = clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long session = id(send(HttpMethod.POST, who.token(), "/api/organiser/training/series/" + series + "/sessions",
                Map.of("title", "趋势篇", "lecturer", "王老师", "startsAt", startsAt.toString(), "durationMinutes", 90,
                        "streamUrl", STREAM, "materialFileIds", List.of())).expectStatus().isCreated());
        String base = "/api/organiser/training/sessions/" + session;
        if (!status.equals("SCHEDULED")) {
            send(HttpMethod.POST, who.token(), base + "/start", null).expectStatus().isOk();
        }
        if (status.equals("ENDED")) {
            send(HttpMethod.POST, who.token(), base + "/end", null).expectStatus().isOk();
        }
        return session;
    }

    private static Map<String, Object> chapter(String title, Object start) {
        Map<String, Object> c = new HashMap<>();
        c.put("title", title);
        c.put("startSeconds", start);
        return c;
    }

    private static Map<String, Object> byUrl(String url, List<Map<String, Object>> chapters) {
        Map<String, Object> r = new HashMap<>();
        r.put("url", url);
        r.put("chapters", chapters);
        return r;
    }

    private WebTestClient.ResponseSpec setReplay(String token, long session, Object body) {
        return send(HttpMethod.PUT, token, "/api/organiser/training/sessions/" + session + "/replay", body);
    }

    private WebTestClient.ResponseSpec upload(String token, String purpose, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "回看.mp4";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        body.part("purpose", purpose);
        return http.post().uri("/api/files").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    /** A replayable session of a fresh organiser. */
    private long replayable(Account org) {
        long session = session(org, "ENDED");
        setReplay(org.token(), session, byUrl(VOD, List.of())).expectStatus().isOk();
        return session;
    }

    private WebTestClient.ResponseSpec beat(long session, String token, String guestPass, UUID view, int position) {
        var spec = http.post().uri("/api/training/sessions/" + session + "/replay/heartbeat");
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (guestPass != null) {
            spec = spec.header("X-Guest", guestPass);
        }
        return spec.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("viewId", view.toString(), "positionSeconds", position)).exchange();
    }

    private boolean counted(WebTestClient.ResponseSpec response) {
        return (Boolean) response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("counted");
    }

    /** Reads frames until one of {@code command} whose body contains {@code text}. */
    private static String awaitFrame(RawStompClient client, String command, String text) {
        for (int i = 0; i < 20; i++) {
            Frame frame = client.next();
            if (frame.command().equals(command) && frame.body().contains(text)) {
                return frame.body();
            }
        }
        throw new AssertionError("no " + command + " containing " + text);
    }

    /** Stands the clock still 1 s into a heartbeat slot. */
    private void atSlotStart() {
        long now = clock.millis();
        clock.set(Instant.ofEpochMilli(now - Math.floorMod(now, 15_000L) + 1_000));
    }

    @Test
    void theOrganiserSetsAReplayByAddressAndTheSessionBecomesReplayAvailableForEveryone() {
        Account org = organiser("rp-url");
        long session = session(org, "ENDED");
        send(HttpMethod.GET, org.token(), "/api/organiser/training/sessions/" + session + "/replay", null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ENDED")
                .jsonPath("$.replay").doesNotExist()
                .jsonPath("$.figures.views").isEqualTo(0);
        send(HttpMethod.GET, null, "/api/training/sessions/" + session + "/replay", null).expectStatus().isNotFound();

        try (RawStompClient page = RawStompClient.open(port)) {
            page.connectAsGuest(guestPass());
            page.send("SUBSCRIBE", "", "id", "s", "destination", "/topic/training/" + session + "/status", "receipt", "r1");
            awaitFrame(page, "RECEIPT", "");
            setReplay(org.token(), session, byUrl(VOD, List.of(chapter("开场", 0), chapter("趋势", 90), chapter("答疑", 600))))
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("REPLAY_AVAILABLE")
                    .jsonPath("$.replay.kind").isEqualTo("HLS")
                    .jsonPath("$.replay.source").isEqualTo("URL")
                    .jsonPath("$.replay.chapters.length()").isEqualTo(3);
            // an open session page hears the new status after the commit, and starts the replay
            assertThat(awaitFrame(page, "MESSAGE", "\"status\":\"REPLAY_AVAILABLE\"")).contains("\"sessionId\":" + session);
        }
        send(HttpMethod.GET, null, "/api/training/sessions/" + session, null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REPLAY_AVAILABLE");
        send(HttpMethod.GET, null, "/api/training/sessions/" + session + "/replay", null).expectStatus().isOk().expectBody()
                .jsonPath("$.playUrl").isEqualTo(VOD)
                .jsonPath("$.chapters[1].title").isEqualTo("趋势")
                .jsonPath("$.chapters[1].startSeconds").isEqualTo(90)
                .jsonPath("$.figures.views").isEqualTo(0);

        // later changes: another address (MP4), other chapters; the session stays available for replay
        setReplay(org.token(), session, byUrl("https://cdn.example.com/replay/a.mp4?sign=1", List.of(chapter("全程", 0))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REPLAY_AVAILABLE")
                .jsonPath("$.replay.kind").isEqualTo("MP4")
                .jsonPath("$.replay.chapters.length()").isEqualTo(1);
        send(HttpMethod.GET, null, "/api/training/sessions/" + session + "/replay", null).expectStatus().isOk().expectBody()
                .jsonPath("$.playUrl").isEqualTo("https://cdn.example.com/replay/a.mp4?sign=1")
                .jsonPath("$.chapters[0].title").isEqualTo("全程");

        // a replay on the platform's own host (the demo's) keeps its path when only the chapters change
        db.sql("update training_replay set url = '/demo/stream/replay.m3u8', kind = 'HLS' where session_id = :id")
                .bind("id", session).fetch().rowsUpdated().block();
        setReplay(org.token(), session, byUrl("/demo/stream/replay.m3u8", List.of(chapter("开场", 0), chapter("案例", 240))))
                .expectStatus().isOk().expectBody().jsonPath("$.replay.chapters.length()").isEqualTo(2);
    }

    @Test
    void theOrganiserSetsAnUploadedVideoThatPlaysWithByteRanges() {
        Account org = organiser("rp-file");
        long session = session(org, "ENDED");
        long file = id(upload(org.token(), "VIDEO", MP4).expectStatus().isCreated());
        setReplay(org.token(), session, Map.of("fileId", file, "chapters", List.of(chapter("开场", 0))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.replay.source").isEqualTo("FILE")
                .jsonPath("$.replay.kind").isEqualTo("MP4")
                .jsonPath("$.replay.playUrl").isEqualTo("/api/files/" + file);
        // public, and a player may ask for part of it (to seek)
        byte[] part = http.get().uri("/api/files/" + file).header("Range", "bytes=4-7").exchange()
                .expectStatus().isEqualTo(206).expectHeader().valueEquals("Content-Range", "bytes 4-7/" + MP4.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(part, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        http.get().uri("/api/files/" + file).exchange().expectStatus().isOk()
                .expectHeader().contentType("video/mp4").expectHeader().valueEquals("Accept-Ranges", "bytes");

        // only organisers upload videos; only MP4; only one's own video is one's replay
        Account viewer = account("rp-fv", "VIEWER");
        upload(viewer.token(), "VIDEO", MP4).expectStatus().isForbidden();
        upload(org.token(), "VIDEO", "%PDF-1.7 not a video".getBytes(StandardCharsets.US_ASCII))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        Account other = organiser("rp-fo");
        long othersSession = session(other, "ENDED");
        setReplay(other.token(), othersSession, Map.of("fileId", file)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("fileId");
        long image = id(upload(other.token(), "IMAGE",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}).expectStatus().isCreated());
        setReplay(other.token(), othersSession, Map.of("fileId", image)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("fileId");
        setReplay(other.token(), othersSession, Map.of("fileId", 987654321012L)).expectStatus().isBadRequest();
    }

    @Test
    void badSourcesAndChaptersAreA400WithFieldErrors() {
        Account org = organiser("rp-bad");
        long session = session(org, "ENDED");
        setReplay(org.token(), session, Map.of("chapters", List.of())).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("url");
        setReplay(org.token(), session, Map.of("url", VOD, "fileId", 1)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("url");
        setReplay(org.token(), session, byUrl("http://cdn.example.com/a.m3u8", List.of())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        setReplay(org.token(), session, byUrl("https://cdn.example.com/a.flv", List.of())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("回放地址需为 HLS（.m3u8）或 MP4（.mp4）视频地址");
        setReplay(org.token(), session, byUrl("https://user:pw@cdn.example.com/a.m3u8", List.of())).expectStatus().isBadRequest();
        // a path on the platform's own host is the demo's: not for organisers to enter
        setReplay(org.token(), session, byUrl("/demo/stream/replay.m3u8", List.of())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("回放地址需为 https:// 开头的完整网址");
        setReplay(org.token(), session, byUrl("//evil.example.com/a.m3u8", List.of())).expectStatus().isBadRequest();
        setReplay(org.token(), session, byUrl("https://cdn.example.com/a\u0000.m3u8", List.of())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        setReplay(org.token(), session, byUrl("https://cdn.example.com/" + "a".repeat(500) + ".m3u8", List.of()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("回放地址最长 500 个字符");

        // chapters: order, title length and characters, count, start
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("一", 0), chapter("二", 60), chapter("三", 60))))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("chapters[2].startSeconds")
                .jsonPath("$.errors[0].message").isEqualTo("章节开始时间需晚于上一章节");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("一", 120), chapter("二", 60))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("chapters[1].startSeconds");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("长".repeat(41), 0))))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("chapters[0].title")
                .jsonPath("$.errors[0].message").isEqualTo("章节标题最多 40 字");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("坏\u0000章节", 0))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("chapters[0].title");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter(" ", 0))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("chapters[0].title");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("负", -1))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("chapters[0].startSeconds");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("空", null))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("chapters[0].startSeconds");
        setReplay(org.token(), session, byUrl(VOD, List.of(chapter("溢出", 99999999999L))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("java"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(chapter("第" + i + "节", i * 60));
        }
        setReplay(org.token(), session, byUrl(VOD, many)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("chapters").jsonPath("$.errors[0].message").isEqualTo("最多 50 个章节");
        setReplay(org.token(), session, byUrl(VOD, many.subList(0, 50))).expectStatus().isOk().expectBody()
                .jsonPath("$.replay.chapters.length()").isEqualTo(50);
    }

    @Test
    void onlyTheSeriesOrganiserOfAnEndedSessionSetsItsReplay() {
        Account org = organiser("rp-own");
        long scheduled = session(org, "SCHEDULED");
        long live = session(org, "LIVE");
        setReplay(org.token(), scheduled, byUrl(VOD, List.of())).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").isEqualTo("课程未开始，结束后才能设置回看");
        setReplay(org.token(), live, byUrl(VOD, List.of())).expectStatus().isEqualTo(409);
        send(HttpMethod.GET, null, "/api/training/sessions/" + live, null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE");

        long ended = session(org, "ENDED");
        Account other = organiser("rp-oth");
        setReplay(other.token(), ended, byUrl(VOD, List.of())).expectStatus().isNotFound();
        send(HttpMethod.GET, other.token(), "/api/organiser/training/sessions/" + ended + "/replay", null)
                .expectStatus().isNotFound();
        setReplay(org.token(), 987654321012L, byUrl(VOD, List.of())).expectStatus().isNotFound();
        Account viewer = account("rp-view", "VIEWER");
        setReplay(viewer.token(), ended, byUrl(VOD, List.of())).expectStatus().isForbidden();
        send(HttpMethod.GET, viewer.token(), "/api/organiser/training/sessions/" + ended + "/replay", null)
                .expectStatus().isForbidden();
        setReplay(null, ended, byUrl(VOD, List.of())).expectStatus().isUnauthorized();
        send(HttpMethod.GET, null, "/api/training/sessions/" + ended, null).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ENDED");

        Account admin = account("rp-adm", "VIEWER", "ADMIN");
        setReplay(admin.token(), ended, byUrl(VOD, List.of())).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REPLAY_AVAILABLE");
    }

    @Test
    void aRepeatedHeartbeatCountsOnceAndASecondPlayOfTheSameViewerWithinTenSecondsNotAtAll() {
        long session = replayable(organiser("rp-idem"));
        Account user = account("rp-u1", "VIEWER");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        atSlotStart();
        assertThat(counted(beat(session, user.token(), null, a, 15))).isTrue();
        assertThat(counted(beat(session, user.token(), null, a, 15))).as("a retry").isFalse();
        assertThat(counted(beat(session, user.token(), null, b, 3))).as("another tab within 10 s").isFalse();
        clock.advance(java.time.Duration.ofSeconds(11)); // 12 s into the slot: the viewer's turn again, the same slot
        assertThat(counted(beat(session, user.token(), null, a, 26))).as("the same slot of play a").isFalse();
        // that refusal gave the viewer's turn back: play b may count now
        assertThat(counted(beat(session, user.token(), null, b, 14))).isTrue();
        clock.advance(java.time.Duration.ofSeconds(15)); // the next slot
        assertThat(counted(beat(session, user.token(), null, a, 41))).isTrue();
        send(HttpMethod.GET, null, "/api/training/sessions/" + session + "/replay", null).expectStatus().isOk().expectBody()
                .jsonPath("$.figures.views").isEqualTo(2)
                .jsonPath("$.figures.uniqueViewers").isEqualTo(1)
                .jsonPath("$.figures.watchSeconds").isEqualTo(45);
    }

    @Test
    void usersAndGuestsAreCountedApartFromTheLiveAndUsersSecondsAreKeptForAttendance() {
        Account org = organiser("rp-count");
        long session = replayable(org);
        Account user = account("rp-u2", "VIEWER");
        String guest = guestPass();
        UUID userPlay = UUID.randomUUID();
        atSlotStart();
        for (int i = 0; i < 3; i++) {
            assertThat(counted(beat(session, user.token(), null, userPlay, 15 * (i + 1)))).isTrue();
            clock.advance(java.time.Duration.ofSeconds(15));
        }
        var result = beat(session, null, guest, UUID.randomUUID(), 15).expectStatus().isOk().expectBody();
        result.jsonPath("$.counted").isEqualTo(true)
                .jsonPath("$.figures.views").isEqualTo(2)
                .jsonPath("$.figures.uniqueViewers").isEqualTo(2)
                .jsonPath("$.figures.watchSeconds").isEqualTo(60);
        // the same guest in a second play later: one more view, still two people
        clock.advance(java.time.Duration.ofSeconds(15));
        assertThat(counted(beat(session, null, guest, UUID.randomUUID(), 0))).isTrue();
        // the series' organiser watching is not counted; someone else's play id does not count for me
        assertThat(counted(beat(session, org.token(), null, UUID.randomUUID(), 10))).isFalse();
        clock.advance(java.time.Duration.ofSeconds(15));
        Account thief = account("rp-u3", "VIEWER");
        assertThat(counted(beat(session, thief.token(), null, userPlay, 100))).isFalse();

        assertThat(watch.figures(session).block()).isEqualTo(new ReplayFigures(3, 2, 75));
        assertThat(watch.secondsByUser(session).collectList().block()).containsExactly(new UserSeconds(user.id(), 45));
        assertThat(watch.secondsOf(session, user.id()).block()).isEqualTo(45);
        assertThat(watch.secondsOf(session, user.id() + 1_000_000).block()).isZero();
        // the live figures know nothing of it
        send(HttpMethod.GET, null, "/api/training/sessions/" + session, null).expectStatus().isOk().expectBody()
                .jsonPath("$.viewers.unique").isEqualTo(0);
    }

    @Test
    void heartbeatsNeedAReplayAViewerAndSaneInputAndFloodsAre429() {
        Account org = organiser("rp-hb");
        long ended = session(org, "ENDED");
        long session = replayable(org);
        String guest = guestPass();
        beat(ended, null, guest, UUID.randomUUID(), 0).expectStatus().isEqualTo(409);
        beat(987654321012L, null, guest, UUID.randomUUID(), 0).expectStatus().isNotFound();
        beat(session, null, null, UUID.randomUUID(), 0).expectStatus().isUnauthorized();
        beat(session, null, "forged.pass", UUID.randomUUID(), 0).expectStatus().isUnauthorized();
        beat(session, null, guest, UUID.randomUUID(), -1).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("positionSeconds");
        beat(session, null, guest, UUID.randomUUID(), 86_401).expectStatus().isBadRequest();
        http.post().uri("/api/training/sessions/" + session + "/replay/heartbeat").header("X-Guest", guest)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("viewId", "not-a-uuid\u0000", "positionSeconds", 1))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("viewId");
        http.post().uri("/api/training/sessions/" + session + "/replay/heartbeat").header("X-Guest", guest)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("viewId", UUID.randomUUID().toString(), "positionSeconds", 99999999999L))
                .exchange().expectStatus().isBadRequest();

        String flooder = guestPass();
        for (int i = 0; i < 20; i++) {
            beat(session, null, flooder, UUID.randomUUID(), i).expectStatus().isOk();
        }
        beat(session, null, flooder, UUID.randomUUID(), 21).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        assertThat(watch.figures(session).block().views()).as("one of the flood counted").isEqualTo(1);
    }
}
