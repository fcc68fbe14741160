package io.livehall.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Attendance end to end: live watch slots from presence (only accounts, only while LIVE, staff never), idempotent
 * across instances and reconnects, stays and watch time, the organiser's report and CSV with their role rules, the
 * certificate rule, and certificates (PDF contents, embedded subset font, QR code, public verification).
 */
class AttendanceApiTest extends IntegrationTest {

    @Autowired
    WatchSlots slots;

    @Autowired
    AttendanceRepository repository;

    private record Account(long id, String name, String token) {
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Account account(String prefix, String... roles) {
        String name = uniqueName(prefix);
        registerAndLogin(name, "Secret-pass-123");
        if (roles.length > 0) {
            grantRoles(name, roles);
        }
        String token = login(name, "Secret-pass-123");
        return db.sql("select id, display_name from app_user where username = :u").bind("u", name)
                .map(row -> new Account(row.get("id", Long.class), row.get("display_name", String.class), token)).one().block();
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

    private long[] liveSession(Account org, int durationMinutes) {
        long series = ((Number) send("POST", org.token(), "/api/organiser/training/series",
                Map.of("title", "考勤系列", "audience", "企业负责人", "tags", List.of()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        long session = ((Number) send("POST", org.token(), "/api/organiser/training/series/" + series + "/sessions",
                Map.of("title", "政策篇", "lecturer", "王老师", "startsAt", clock.instant().plus(1, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.SECONDS).toString(), "durationMinutes", durationMinutes,
                        "streamUrl", "https://cdn.example.com/a.m3u8", "materialFileIds", List.of()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        send("POST", org.token(), "/api/organiser/training/sessions/" + session + "/start", null).expectStatus().isOk();
        return new long[] {series, session};
    }

    private long slotCount(long session, long user) {
        return db.sql("select count(*) as n from training_watch_slot where session_id = :s and user_id = :u")
                .bind("s", session).bind("u", user).map(r -> r.get("n", Long.class)).one().block();
    }

    @Test
    void presenceRecordsAccountsWatchingALiveSessionButNeitherItsStaffNorGuests() {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account viewer = account("att-view");
        long session = liveSession(org, 60)[1];
        try (RawStompClient v = RawStompClient.open(port); RawStompClient staff = RawStompClient.open(port);
             RawStompClient guest = RawStompClient.open(port)) {
            v.connect(viewer.token());
            v.subscribe("a", "/topic/training/" + session + "/viewers");
            staff.connect(org.token());
            staff.subscribe("a", "/topic/training/" + session + "/viewers");
            guest.connect(null);
            guest.subscribe("a", "/topic/training/" + session + "/viewers");
            await().atMost(Duration.ofSeconds(25)).until(() -> slotCount(session, viewer.id()) >= 1);
        }
        assertThat(slotCount(session, org.id())).isZero();
        long rows = db.sql("select count(*) as n from training_watch_slot where session_id = :s").bind("s", session)
                .map(r -> r.get("n", Long.class)).one().block();
        assertThat(rows).isEqualTo(slotCount(session, viewer.id()));
    }

    @Test
    void slotsCountOnceAcrossInstancesAndReconnectsAndMakeStaysAndWatchTime() {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account a = account("att-a");
        Account b = account("att-b");
        long session = liveSession(org, 60)[1];
        Instant t0 = Instant.parse("2026-12-01T02:00:00Z");
        String room = Long.toString(session);
        // minute 0: a on this instance, a again (second tab) and b reported by another instance: once each
        slots.present(room, Set.of(Long.toString(a.id())), t0.plusSeconds(3)).block();
        slots.present(room, Set.of(Long.toString(a.id())), t0.plusSeconds(13)).block();
        repository.insertSlots(session, List.of(a.id(), b.id()), WatchSlots.slotOf(t0.plusSeconds(20))).block();
        // a stays to 1:30, reconnects inside the 1:00 slot (reported twice), leaves, comes back at 3:00 for one slot
        slots.present(room, Set.of(Long.toString(a.id())), t0.plusSeconds(31)).block();
        slots.present(room, Set.of(Long.toString(a.id())), t0.plusSeconds(61)).block();
        slots.present(room, Set.of(Long.toString(a.id())), t0.plusSeconds(79)).block();
        slots.present(room, Set.of(Long.toString(a.id()), "guest-abc", "not-a-number"), t0.plusSeconds(185)).block();

        assertThat(slotCount(session, a.id())).isEqualTo(4);
        assertThat(slotCount(session, b.id())).isEqualTo(1);
        Attendee attendee = repository.attendee(session, a.id()).block();
        assertThat(attendee.liveSeconds()).isEqualTo(120);
        assertThat(attendee.stays()).containsExactly(
                new Attendee.Stay(t0, t0.plusSeconds(90)), new Attendee.Stay(t0.plusSeconds(180), t0.plusSeconds(210)));

        send("GET", org.token(), "/api/organiser/training/sessions/" + session + "/attendance", null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.summary.attended").isEqualTo(2)
                .jsonPath("$.summary.attendeeWatchSeconds").isEqualTo(150)
                .jsonPath("$.summary.averageWatchSeconds").isEqualTo(75)
                .jsonPath("$.attendees[0].userId").isEqualTo(a.id())
                .jsonPath("$.attendees[0].stays").isEqualTo(2)
                .jsonPath("$.attendees[0].liveSeconds").isEqualTo(120)
                .jsonPath("$.attendees[1].userId").isEqualTo(b.id());
        send("GET", a.token(), "/api/me/training/sessions/" + session + "/attendance", null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.liveSeconds").isEqualTo(120)
                .jsonPath("$.stays.length()").isEqualTo(2)
                .jsonPath("$.sessionOver").isEqualTo(false)
                .jsonPath("$.certificateMinutes").isEqualTo(30);
    }

    @Test
    void theReportCountsRegistrationsCheckInsAndQuestionsFromTheOtherFeatures() {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account a = account("att-a");
        Account b = account("att-b");
        Account c = account("att-c");
        long[] ids = liveSession(org, 60);
        long session = ids[1];
        for (Account who : List.of(a, b)) {
            send("POST", who.token(), "/api/training/series/" + ids[0] + "/registration", Map.of())
                    .expectStatus().is2xxSuccessful();
        }
        String code = (String) send("POST", org.token(), "/api/organiser/training/sessions/" + session + "/checkins",
                Map.of("minutes", 5)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("code");
        send("POST", a.token(), "/api/training/sessions/" + session + "/checkin", Map.of("code", code))
                .expectStatus().is2xxSuccessful();
        send("POST", a.token(), "/api/training/sessions/" + session + "/qa", Map.of("text", "证书怎么领？"))
                .expectStatus().is2xxSuccessful();
        send("POST", b.token(), "/api/training/sessions/" + session + "/qa", Map.of("text", "资料在哪里下载？"))
                .expectStatus().is2xxSuccessful();
        // c never had a live slot (say, a phone that asked over HTTP only): listed after the live attendees
        send("POST", c.token(), "/api/training/sessions/" + session + "/qa", Map.of("text", "有回放吗？"))
                .expectStatus().is2xxSuccessful();
        repository.insertSlots(session, List.of(a.id(), b.id()), WatchSlots.slotOf(clock.instant())).block();

        send("GET", org.token(), "/api/organiser/training/sessions/" + session + "/attendance", null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.summary.registered").isEqualTo(2)
                .jsonPath("$.summary.checkedIn").isEqualTo(1)
                .jsonPath("$.summary.checkInRate").isEqualTo(0.5)
                .jsonPath("$.summary.questions").isEqualTo(3)
                .jsonPath("$.summary.attended").isEqualTo(2)
                .jsonPath("$.attendees.length()").isEqualTo(3)
                .jsonPath("$.attendees[2].userId").isEqualTo(c.id())
                .jsonPath("$.attendees[2].firstJoin").isEmpty()
                .jsonPath("$.attendees[2].stays").isEqualTo(0)
                .jsonPath("$.attendees[2].questions").isEqualTo(1)
                .jsonPath("$.attendees[?(@.userId == " + a.id() + ")].checkedIn").isEqualTo(List.of(true))
                .jsonPath("$.attendees[?(@.userId == " + a.id() + ")].questions").isEqualTo(List.of(1))
                .jsonPath("$.attendees[?(@.userId == " + b.id() + ")].checkedIn").isEqualTo(List.of(false));
        send("GET", a.token(), "/api/me/training/sessions/" + session + "/attendance", null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.checkedIn").isEqualTo(true)
                .jsonPath("$.questions").isEqualTo(1)
                .jsonPath("$.liveSeconds").isEqualTo(30);
    }

    @Test
    void nothingIsRecordedForASessionThatIsNotLive() {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account a = account("att-a");
        long session = liveSession(org, 60)[1];
        send("POST", org.token(), "/api/organiser/training/sessions/" + session + "/end", null).expectStatus().isOk();
        slots.present(Long.toString(session), Set.of(Long.toString(a.id())), clock.instant()).block();
        slots.present("999999999999", Set.of(Long.toString(a.id())), clock.instant()).block();
        assertThat(slotCount(session, a.id())).isZero();
    }

    @Test
    void onlyTheSeriesOrganiserOrAnAdminReadsTheReportAndItsCsv() {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account other = account("att-oth", "VIEWER", "ORGANISER");
        Account admin = account("att-adm", "VIEWER", "ADMIN");
        Account viewer = account("att-view");
        long session = liveSession(org, 60)[1];
        repository.insertSlots(session, List.of(viewer.id()), WatchSlots.slotOf(Instant.parse("2026-12-01T02:00:10Z"))).block();
        String uri = "/api/organiser/training/sessions/" + session + "/attendance";
        send("GET", other.token(), uri, null).expectStatus().isNotFound();
        send("GET", other.token(), uri + ".csv", null).expectStatus().isNotFound();
        send("GET", viewer.token(), uri, null).expectStatus().isForbidden();
        send("GET", null, uri, null).expectStatus().isUnauthorized();
        send("GET", admin.token(), uri, null).expectStatus().isOk();
        send("GET", org.token(), "/api/organiser/training/sessions/999999999/attendance", null).expectStatus().isNotFound();

        byte[] csv = send("GET", org.token(), uri + ".csv", null).expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF用户ID,姓名,首次进入,最后离开,进出次数,直播观看(分钟),回看(分钟),已签到,提问数,可获证书\r\n");
        assertThat(text).contains(viewer.id() + "," + viewer.name() + ",2026-12-01 10:00:00,2026-12-01 10:00:30,1,0.5,0.0,否,0,否\r\n");
    }

    @Test
    void theOrganiserSetsTheCertificateRuleWithinBounds() {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account other = account("att-oth", "VIEWER", "ORGANISER");
        long series = liveSession(org, 60)[0];
        String uri = "/api/organiser/training/series/" + series + "/certificate-rule";
        send("GET", org.token(), uri, null).expectStatus().isOk().expectBody()
                .jsonPath("$.configured").isEqualTo(false);
        for (Object bad : new Object[] {0, 721, -5, "abc", 99999999999L}) {
            send("PUT", org.token(), uri, Map.of("minWatchMinutes", bad)).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        send("PUT", org.token(), uri, Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("minWatchMinutes");
        send("PUT", other.token(), uri, Map.of("minWatchMinutes", 10)).expectStatus().isNotFound();
        send("PUT", org.token(), uri, Map.of("minWatchMinutes", 10, "includeReplay", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.configured").isEqualTo(true).jsonPath("$.minWatchMinutes").isEqualTo(10)
                .jsonPath("$.includeReplay").isEqualTo(true);
    }

    @Test
    void anAttendeeOverTheThresholdDownloadsAVerifiableCertificateOnceTheSessionIsOver() throws Exception {
        Account org = account("att-org", "VIEWER", "ORGANISER");
        Account a = account("att-a");
        Account shortWatcher = account("att-s");
        long[] ids = liveSession(org, 10);
        long session = ids[1];
        send("PUT", org.token(), "/api/organiser/training/series/" + ids[0] + "/certificate-rule",
                Map.of("minWatchMinutes", 2)).expectStatus().isOk();
        Instant t0 = Instant.parse("2026-12-01T02:00:00Z");
        for (int i = 0; i < 4; i++) {
            repository.insertSlots(session, List.of(a.id()), t0.plusSeconds(30L * i)).block();
        }
        repository.insertSlots(session, List.of(shortWatcher.id()), t0).block();
        String pdfUri = "/api/me/training/sessions/" + session + "/certificate.pdf";
        send("GET", a.token(), pdfUri, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").isEqualTo("课程结束后才能领取结业证书");
        send("POST", org.token(), "/api/organiser/training/sessions/" + session + "/end", null).expectStatus().isOk();
        send("GET", shortWatcher.token(), pdfUri, null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").isEqualTo("观看时长未达到 2 分钟，不能领取结业证书");
        send("GET", null, pdfUri, null).expectStatus().isUnauthorized();

        byte[] pdf = send("GET", a.token(), pdfUri, null).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        String code = db.sql("select code from training_certificate where session_id = :s and user_id = :u")
                .bind("s", session).bind("u", a.id()).map(r -> r.get("code", String.class)).one().block();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("结 业 证 书", a.name(), "考勤系列", "政策篇", "观看 2 分钟", "证书编号：" + code);
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // an embedded subset
            assertThat(font.isEmbedded()).isTrue();
            assertThat(pdf.length).isLessThan(200_000);
            BufferedImage image = new PDFRenderer(doc).renderImage(0, 2f);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
            assertThat(link).isEqualTo("http://localhost:" + port + "/verify/" + code);
        }
        // a second download is the same certificate
        send("GET", a.token(), pdfUri, null).expectStatus().isOk();
        long certificates = db.sql("select count(*) as n from training_certificate where session_id = :s").bind("s", session)
                .map(r -> r.get("n", Long.class)).one().block();
        assertThat(certificates).isEqualTo(1);

        send("GET", null, "/api/training/certificates/" + code, null).expectStatus().isOk().expectBody()
                .jsonPath("$.holderName").isEqualTo(a.name())
                .jsonPath("$.sessionTitle").isEqualTo("政策篇")
                .jsonPath("$.watchMinutes").isEqualTo(2);
        for (String bad : new String[] {"AAAAAAAAAA", "abc", "0000000000", "ABCDEFGHIJKL"}) {
            send("GET", null, "/api/training/certificates/" + bad, null).expectStatus().isNotFound();
        }
        send("GET", org.token(), "/api/organiser/training/sessions/" + session + "/attendance", null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.summary.eligible").isEqualTo(1)
                .jsonPath("$.summary.certificateMinutes").isEqualTo(2);
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMark() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc,
                    getClass().getResourceAsStream("/fonts/certificate-sans-sc.ttf"), true);
            assertThat(CertificatePdf.printable(font, "张三😀𠀀A")).isEqualTo("张三??A");
        }
    }
}
