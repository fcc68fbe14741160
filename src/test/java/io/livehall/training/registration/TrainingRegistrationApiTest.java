package io.livehall.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.training.registration.RegistrationFixtures.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Registration end to end: capacity and waiting list under concurrency, approval, cancel, roles, masked phones, CSV. */
class TrainingRegistrationApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    RegistrationFixtures f;

    @BeforeEach
    void fixtures() {
        f = new RegistrationFixtures(http, db, context);
    }

    private Instant inDays(int days) {
        return clock.instant().plus(days, ChronoUnit.DAYS);
    }

    private static Map<String, Object> settings(String mode, Integer capacity, String company, String phone) {
        Map<String, Object> s = new HashMap<>();
        s.put("mode", mode);
        s.put("capacity", capacity);
        s.put("company", company);
        s.put("jobTitle", "OFF");
        s.put("phone", phone);
        s.put("reminderOffsets", List.of(1440, 30));
        return s;
    }

    private String registration(long seriesId) {
        return "/api/training/series/" + seriesId + "/registration";
    }

    @Test
    void thirtyConcurrentRegistrationsForTenPlacesConfirmTenAndQueueTwentyInOrder() {
        Account org = f.user("ORGANISER");
        long seriesId = f.series(org, "限额系列");
        f.session(org, seriesId, "第一课", inDays(2), List.of());
        f.settings(org, seriesId, settings("CAPACITY", 10, "OFF", "OFF"));
        List<Account> people = f.users("VIEWER", 30);

        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<String> states = Flux.fromIterable(people)
                .flatMap(p -> client.post().uri(registration(seriesId)).header("Authorization", "Bearer " + p.token())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                        .retrieve().bodyToMono(Map.class)
                        .map(body -> (String) ((Map<?, ?>) body.get("registration")).get("state")), 30)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(states).hasSize(30);
        assertThat(states).filteredOn("CONFIRMED"::equals).hasSize(10);
        assertThat(states).filteredOn("WAITLISTED"::equals).hasSize(20);
        assertThat(f.count(seriesId, "CONFIRMED")).isEqualTo(10);
        List<Long> positions = db.sql("""
                        select (select count(*) + 1 from training_registration o where o.series_id = r.series_id
                                and o.state = 'WAITLISTED' and (o.queued_at, o.id) < (r.queued_at, r.id)) as position
                          from training_registration r where r.series_id = :s and r.state = 'WAITLISTED' order by 1""")
                .bind("s", seriesId).map(row -> row.get(0, Long.class)).all().collectList().block();
        assertThat(positions).containsExactlyElementsOf(Flux.range(1, 20).map(Long::valueOf).collectList().block());

        // the first in line, as the API tells it
        long firstId = db.sql("""
                        select user_id from training_registration where series_id = :s and state = 'WAITLISTED'
                         order by queued_at, id limit 1""")
                .bind("s", seriesId).map(row -> row.get(0, Long.class)).one().block();
        Account first = people.stream().filter(p -> p.id() == firstId).findFirst().orElseThrow();
        f.send("GET", first.token(), registration(seriesId), null).expectStatus().isOk().expectBody()
                .jsonPath("$.registration.state").isEqualTo("WAITLISTED")
                .jsonPath("$.registration.position").isEqualTo(1);
        Account confirmed = people.stream().filter(p -> "CONFIRMED".equals(f.state(seriesId, p.id()))).findFirst().orElseThrow();

        // a confirmed person cancels: the first in line moves up in the same transaction and is told
        f.send("DELETE", confirmed.token(), registration(seriesId), null).expectStatus().isOk().expectBody()
                .jsonPath("$.registration.state").isEqualTo("CANCELLED")
                .jsonPath("$.form.confirmed").isEqualTo(10)
                .jsonPath("$.form.waiting").isEqualTo(19);
        assertThat(f.state(seriesId, first.id())).isEqualTo("CONFIRMED");
        assertThat(f.notifications(first.id(), RegistrationNotices.TYPE)).isEqualTo(1);
        // cancelling twice is refused
        f.send("DELETE", confirmed.token(), registration(seriesId), null).expectStatus().isEqualTo(409);

        // the organiser raises the capacity: two more move up; lowering it takes no place away
        f.settings(org, seriesId, settings("CAPACITY", 12, "OFF", "OFF"));
        assertThat(f.count(seriesId, "CONFIRMED")).isEqualTo(12);
        assertThat(f.count(seriesId, "WAITLISTED")).isEqualTo(17);
        f.settings(org, seriesId, settings("CAPACITY", 5, "OFF", "OFF"));
        assertThat(f.count(seriesId, "CONFIRMED")).isEqualTo(12);

        // registering again after a cancel: the same row, at the end of the line
        f.send("POST", confirmed.token(), registration(seriesId), Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.registration.state").isEqualTo("WAITLISTED")
                .jsonPath("$.registration.position").isEqualTo(18);
        // a repeat changes nothing
        f.send("POST", confirmed.token(), registration(seriesId), Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.registration.position").isEqualTo(18);
        assertThat(db.sql("select count(*) from training_registration where series_id = :s and user_id = :u")
                .bind("s", seriesId).bind("u", confirmed.id()).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);

        // opening the series confirms everyone waiting
        f.settings(org, seriesId, settings("OPEN", null, "OFF", "OFF"));
        assertThat(f.count(seriesId, "WAITLISTED")).isZero();
        assertThat(f.count(seriesId, "CONFIRMED")).isEqualTo(30);
    }

    @Test
    void approvalSeriesWaitsForTheOrganiserWhoApprovesOrRejectsWithAReasonThePersonSees() {
        Account org = f.user("ORGANISER");
        long seriesId = f.series(org, "审核系列");
        f.session(org, seriesId, "第一课", inDays(3), List.of());
        f.settings(org, seriesId, settings("APPROVAL", 1, "REQUIRED", "OPTIONAL"));
        List<Account> people = f.users("VIEWER", 3);

        for (Account p : people) {
            f.send("POST", p.token(), registration(seriesId), Map.of("company", "示范企业", "phone", "13912345678"))
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.registration.state").isEqualTo("PENDING")
                    .jsonPath("$.registration.phone").isEqualTo("13912345678");
        }
        Map<?, ?> page = f.send("GET", org.token(), "/api/organiser/training/series/" + seriesId + "/registrations?state=PENDING", null)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> items = (List<?>) page.get("items");
        assertThat(items).hasSize(3);
        assertThat(((Map<?, ?>) items.get(0)).get("phone")).isEqualTo("139****5678");
        long first = ((Number) ((Map<?, ?>) items.get(0)).get("id")).longValue();
        long second = ((Number) ((Map<?, ?>) items.get(1)).get("id")).longValue();

        f.send("POST", org.token(), "/api/organiser/training/registrations/" + first + "/approve", null)
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CONFIRMED");
        // a repeat is refused, and the cap of one approval is reached
        f.send("POST", org.token(), "/api/organiser/training/registrations/" + first + "/approve", null)
                .expectStatus().isEqualTo(409);
        f.send("POST", org.token(), "/api/organiser/training/registrations/" + second + "/approve", null)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").isEqualTo("名额已满，不能再通过");

        f.send("POST", org.token(), "/api/organiser/training/registrations/" + second + "/reject", Map.of("reason", "名额有限，请报名下一期"))
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("REJECTED");
        f.send("GET", people.get(1).token(), registration(seriesId), null).expectStatus().isOk().expectBody()
                .jsonPath("$.registration.state").isEqualTo("REJECTED")
                .jsonPath("$.registration.stateLabel").isEqualTo("未通过")
                .jsonPath("$.registration.reason").isEqualTo("名额有限，请报名下一期");
        assertThat(f.notifications(people.get(0).id(), RegistrationNotices.TYPE)).isEqualTo(1);
        assertThat(f.notifications(people.get(1).id(), RegistrationNotices.TYPE)).isEqualTo(1);
        f.send("GET", people.get(1).token(), "/api/training/registrations/mine", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].seriesTitle").isEqualTo("审核系列")
                .jsonPath("$.items[0].reason").isEqualTo("名额有限，请报名下一期");

        // registering again after a rejection waits for a new decision
        f.send("POST", people.get(1).token(), registration(seriesId), Map.of("company", "示范企业"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.registration.state").isEqualTo("PENDING")
                .jsonPath("$.registration.reason").doesNotExist();
        // the required company is required
        Account late = f.user("VIEWER");
        f.send("POST", late.token(), registration(seriesId), Map.of("phone", "13912345678")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("company");
    }

    @Test
    void onlyTheSeriesOrganiserSeesItsRegistrationsAndPhonesAreMaskedEverywhereButTheOwnerAndTheExport() {
        Account org = f.user("ORGANISER");
        Account other = f.user("ORGANISER");
        Account viewer = f.user("VIEWER");
        long seriesId = f.series(org, "手机号系列");
        f.session(org, seriesId, "第一课", inDays(2), List.of());
        f.settings(org, seriesId, settings("OPEN", null, "OPTIONAL", "REQUIRED"));
        f.send("POST", viewer.token(), registration(seriesId), Map.of("company", "=HYPERLINK(\"http://x\")", "phone", "13812341234"))
                .expectStatus().isOk().expectBody().jsonPath("$.registration.phone").isEqualTo("13812341234");
        long regId = ((Number) db.sql("select id from training_registration where series_id = :s").bind("s", seriesId)
                .map(row -> row.get(0, Long.class)).one().block()).longValue();
        String base = "/api/organiser/training/series/" + seriesId;

        // viewers are not organisers: 403; another organiser's series and registrations: 404; guests: 401
        f.send("GET", viewer.token(), base + "/registrations", null).expectStatus().isForbidden();
        f.send("GET", viewer.token(), base + "/registrations.csv", null).expectStatus().isForbidden();
        f.send("GET", viewer.token(), base + "/registration-settings", null).expectStatus().isForbidden();
        f.send("POST", viewer.token(), "/api/organiser/training/registrations/" + regId + "/approve", null).expectStatus().isForbidden();
        f.send("GET", other.token(), base + "/registrations", null).expectStatus().isNotFound();
        f.send("GET", other.token(), base + "/registrations.csv", null).expectStatus().isNotFound();
        f.send("GET", other.token(), base + "/registration-settings", null).expectStatus().isNotFound();
        f.send("PUT", other.token(), base + "/registration-settings", settings("OPEN", null, "OFF", "OFF")).expectStatus().isNotFound();
        f.send("POST", other.token(), "/api/organiser/training/registrations/" + regId + "/approve", null).expectStatus().isNotFound();
        f.send("POST", other.token(), "/api/organiser/training/registrations/" + regId + "/reject", Map.of("reason", "x"))
                .expectStatus().isNotFound();
        f.send("GET", null, base + "/registrations", null).expectStatus().isUnauthorized();
        f.send("POST", null, registration(seriesId), Map.of()).expectStatus().isUnauthorized();
        f.send("DELETE", null, registration(seriesId), null).expectStatus().isUnauthorized();
        f.send("GET", null, "/api/training/registrations/mine", null).expectStatus().isUnauthorized();
        // a guest sees the form, not a registration
        f.send("GET", null, registration(seriesId), null).expectStatus().isOk().expectBody()
                .jsonPath("$.form.phone").isEqualTo("REQUIRED")
                .jsonPath("$.form.confirmed").isEqualTo(1)
                .jsonPath("$.registration").doesNotExist();

        f.send("GET", org.token(), base + "/registrations", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].phone").isEqualTo("138****1234")
                .jsonPath("$.items[0].name").isEqualTo("学员1");
        f.send("GET", org.token(), base + "/registration-settings", null).expectStatus().isOk().expectBody()
                .jsonPath("$.counts.CONFIRMED").isEqualTo(1)
                .jsonPath("$.phone").isEqualTo("REQUIRED");

        byte[] csv = f.send("GET", org.token(), base + "/registrations.csv", null).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches("Content-Disposition", "attachment;.*registrations-" + seriesId + "\\.csv.*")
                .expectBody().returnResult().getResponseBody();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"报名编号\"");
        assertThat(text).contains("\"13812341234\"").contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains("\r\n");

        // an admin sees any series' list
        Account admin = f.user("ADMIN");
        f.send("GET", admin.token(), base + "/registrations", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void everyFieldRefusesBadInput() {
        Account org = f.user("ORGANISER");
        Account viewer = f.user("VIEWER");
        long seriesId = f.series(org, "校验系列");
        f.session(org, seriesId, "第一课", inDays(2), List.of());
        String put = "/api/organiser/training/series/" + seriesId + "/registration-settings";

        f.send("PUT", org.token(), put, settings(null, null, "OFF", "OFF")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("mode");
        f.send("PUT", org.token(), put, settings("CAPACITY", null, "OFF", "OFF")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity");
        f.send("PUT", org.token(), put, settings("OPEN", 10, "OFF", "OFF")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity");
        f.send("PUT", org.token(), put, settings("CAPACITY", 0, "OFF", "OFF")).expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, settings("CAPACITY", 100_001, "OFF", "OFF")).expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"CAPACITY\",\"capacity\":99999999999999999999}").expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"SOMETIMES\"}").expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"OPEN\",\"phone\":\"MAYBE\"}").expectStatus().isBadRequest();
        Map<String, Object> offsets = settings("OPEN", null, "OFF", "OFF");
        offsets.put("reminderOffsets", List.of(4));
        f.send("PUT", org.token(), put, offsets).expectStatus().isBadRequest();
        offsets.put("reminderOffsets", List.of(10_081));
        f.send("PUT", org.token(), put, offsets).expectStatus().isBadRequest();
        offsets.put("reminderOffsets", List.of(10, 20, 30, 40, 50, 60));
        f.send("PUT", org.token(), put, offsets).expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"OPEN\",\"deadline\":\"tomorrow\"}").expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"OPEN\",\"reminderOffsets\":[99999999999]}").expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"OPEN\",\"reminderOffsets\":[null]}").expectStatus().isBadRequest();
        f.send("PUT", org.token(), put, "{\"mode\":\"OPEN\",\"company\":\"REQUIRED\u0000\"}").expectStatus().isBadRequest();
        f.send("GET", viewer.token(), "/api/training/registrations/mine?after=x", null).expectStatus().isBadRequest();
        f.send("GET", viewer.token(), "/api/training/registrations/mine?limit=99999999999", null).expectStatus().isBadRequest();
        f.send("PUT", org.token(), "/api/organiser/training/series/999999999/registration-settings", settings("OPEN", null, "OFF", "OFF"))
                .expectStatus().isNotFound();

        f.settings(org, seriesId, settings("OPEN", null, "REQUIRED", "REQUIRED"));
        String reg = registration(seriesId);
        f.send("POST", viewer.token(), reg, Map.of("company", "公司\u0000名", "phone", "13812341234")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("company");
        f.send("POST", viewer.token(), reg, Map.of("company", "公".repeat(101), "phone", "13812341234")).expectStatus().isBadRequest();
        f.send("POST", viewer.token(), reg, Map.of("company", "公司", "phone", "12345678901")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
        f.send("POST", viewer.token(), reg, Map.of("company", "公司", "phone", "1381234123\u0000")).expectStatus().isBadRequest();
        f.send("POST", viewer.token(), reg, Map.of("company", "公司", "phone", "1".repeat(21))).expectStatus().isBadRequest();
        f.send("POST", viewer.token(), reg, Map.of("company", "公司", "jobTitle", "职".repeat(51), "phone", "13812341234"))
                .expectStatus().isBadRequest();
        f.send("POST", viewer.token(), reg, Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2);
        f.send("POST", viewer.token(), "/api/training/series/999999999/registration", Map.of()).expectStatus().isNotFound();
        f.send("GET", null, "/api/training/series/999999999/registration", null).expectStatus().isNotFound();
        f.send("GET", null, "/api/training/series/abc/registration", null).expectStatus().isBadRequest();
        assertThat(f.count(seriesId, "CONFIRMED")).isZero();

        f.send("POST", viewer.token(), reg, Map.of("company", "  宁夏公司 ", "phone", "13812341234", "jobTitle", "不问的职务"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.registration.company").isEqualTo("宁夏公司")
                .jsonPath("$.registration.jobTitle").doesNotExist();
        long regId = db.sql("select id from training_registration where series_id = :s").bind("s", seriesId)
                .map(row -> row.get(0, Long.class)).one().block();
        String reject = "/api/organiser/training/registrations/" + regId + "/reject";
        f.send("POST", org.token(), reject, Map.of("reason", " ")).expectStatus().isBadRequest();
        f.send("POST", org.token(), reject, Map.of("reason", "原".repeat(201))).expectStatus().isBadRequest();
        f.send("POST", org.token(), reject, Map.of("reason", "原因\u0000")).expectStatus().isBadRequest();
        // a confirmed registration is no longer up for a decision
        f.send("POST", org.token(), reject, Map.of("reason", "不符合条件")).expectStatus().isEqualTo(409);
        f.send("POST", org.token(), "/api/organiser/training/registrations/999999999/approve", null).expectStatus().isNotFound();
        f.send("GET", org.token(), "/api/organiser/training/series/" + seriesId + "/registrations?state=MAYBE", null)
                .expectStatus().isBadRequest();
        f.send("GET", org.token(), "/api/organiser/training/series/" + seriesId + "/registrations?after=x", null)
                .expectStatus().isBadRequest();
    }

    @Test
    void registrationClosesAtTheDeadlineAndWhenEverySessionIsOver() {
        Account org = f.user("ORGANISER");
        Account viewer = f.user("VIEWER");
        long seriesId = f.series(org, "截止系列");
        f.session(org, seriesId, "第一课", inDays(2), List.of());
        Map<String, Object> s = settings("OPEN", null, "OFF", "OFF");
        s.put("deadline", clock.instant().minusSeconds(60).toString());
        f.settings(org, seriesId, s);
        f.send("GET", null, registration(seriesId), null).expectStatus().isOk().expectBody()
                .jsonPath("$.form.open").isEqualTo(false)
                .jsonPath("$.form.closedReason").isEqualTo("报名已截止");
        f.send("POST", viewer.token(), registration(seriesId), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("报名已截止");

        long ended = f.series(org, "已结束系列");
        long sessionId = f.session(org, ended, "第一课", inDays(1), List.of());
        f.send("POST", org.token(), "/api/organiser/training/sessions/" + sessionId + "/start", null).expectStatus().isOk();
        f.send("POST", viewer.token(), registration(ended), Map.of()).expectStatus().isOk();
        f.send("POST", org.token(), "/api/organiser/training/sessions/" + sessionId + "/end", null).expectStatus().isOk();
        Account late = f.user("VIEWER");
        f.send("POST", late.token(), registration(ended), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("培训已结束，不能报名");
        // the session's page finds the same registration
        f.send("GET", viewer.token(), "/api/training/sessions/" + sessionId + "/registration", null).expectStatus().isOk()
                .expectBody().jsonPath("$.registration.state").isEqualTo("CONFIRMED");
        f.send("GET", null, "/api/training/sessions/999999999/registration", null).expectStatus().isNotFound();
    }

    @Test
    void materialsAreForConfirmedRegistrantsAndTheOrganiser() {
        Account org = f.user("ORGANISER");
        Account confirmed = f.user("VIEWER");
        Account pending = f.user("VIEWER");
        Account stranger = f.user("VIEWER");
        var files = context.getBean(io.livehall.common.files.FileStorage.class);
        long pdf = files.store(org.id(), io.livehall.common.files.FilePurpose.DOCUMENT, "讲义.pdf", "application/pdf",
                "%PDF-1.4 handout".getBytes()).block().id();
        long notMaterial = files.store(org.id(), io.livehall.common.files.FilePurpose.DOCUMENT, "其他.pdf", "application/pdf",
                "%PDF-1.4 other".getBytes()).block().id();
        long seriesId = f.series(org, "资料系列");
        long sessionId = f.session(org, seriesId, "第一课", inDays(2), List.of(pdf));
        f.send("POST", confirmed.token(), registration(seriesId), Map.of()).expectStatus().isOk();
        f.settings(org, seriesId, settings("APPROVAL", null, "OFF", "OFF"));
        f.send("POST", pending.token(), registration(seriesId), Map.of()).expectStatus().isOk();
        String url = "/api/training/sessions/" + sessionId + "/materials/";

        byte[] body = f.send("GET", confirmed.token(), url + pdf, null).expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).isEqualTo("%PDF-1.4 handout");
        f.send("GET", org.token(), url + pdf, null).expectStatus().isOk();
        f.send("GET", pending.token(), url + pdf, null).expectStatus().isForbidden();
        f.send("GET", stranger.token(), url + pdf, null).expectStatus().isForbidden();
        f.send("GET", null, url + pdf, null).expectStatus().isUnauthorized();
        f.send("GET", confirmed.token(), url + notMaterial, null).expectStatus().isNotFound();
        f.send("GET", confirmed.token(), "/api/training/sessions/999999999/materials/" + pdf, null).expectStatus().isNotFound();
        // the plain file endpoint still keeps the document from a viewer
        f.send("GET", confirmed.token(), "/api/files/" + pdf, null).expectStatus().isNotFound();
        f.send("DELETE", confirmed.token(), registration(seriesId), null).expectStatus().isOk();
        f.send("GET", confirmed.token(), url + pdf, null).expectStatus().isForbidden();
    }
}
