package io.livehall.fair.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Screening (摸底) end to end: register, ask for more, answer, approve within capacity, directory, invitations, CSV. */
class FairScreeningApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    List<FairFigureSource> figureSources;
    @Autowired
    FairActivity activity;

    FairFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new FairFixtures(db, context);
    }

    static Map<String, Object> questionnaire(String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("offers", "铝合金压铸件");
        body.put("needs", "数控机床");
        body.put("amountMinFen", 1_000_000L);
        body.put("amountMaxFen", 50_000_000L);
        body.put("certifications", List.of("ISO 9001", "IATF 16949"));
        body.put("contactName", "张三丰");
        body.put("contactPhone", "13812341234");
        return body;
    }

    WebTestClient.ResponseSpec send(String method, String uri, String token, Object body) {
        var request = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    String registration(long fairId) {
        return "/api/fairs/" + fairId + "/registration";
    }

    long participantId(long fairId, Member member) {
        return db.sql("select id from fair_participant where fair_id = :f and enterprise_id = :e")
                .bind("f", fairId).bind("e", member.enterpriseId()).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void anEnterpriseRegistersIsAskedForMoreAnswersIsApprovedAndSeesOnlyApprovedCounterparts() {
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        Member supplier = fx.enterprise("合肥精铸科技有限公司");
        Member buyer = fx.enterprise("芜湖整车采购有限公司");
        Member pending = fx.enterprise("待审核企业");
        fx.participant(fair, pending, ParticipantRole.BUYER, ParticipantStatus.PENDING);
        Account noEnterprise = fx.account("VIEWER");

        send("POST", registration(fair), noEnterprise.token(), questionnaire("SUPPLIER")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/enterprise-required");
        send("GET", registration(fair), noEnterprise.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.enterprise").doesNotExist().jsonPath("$.registrationOpen").isEqualTo(true);
        send("POST", registration(fair), null, questionnaire("SUPPLIER")).expectStatus().isUnauthorized();

        send("POST", registration(fair), supplier.token(), questionnaire("SUPPLIER")).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("PENDING")
                .jsonPath("$.participant.certifications[1]").isEqualTo("IATF 16949")
                .jsonPath("$.history[0].to").isEqualTo("PENDING");
        send("POST", registration(fair), supplier.token(), questionnaire("SUPPLIER")).expectStatus().isEqualTo(409);
        long supplierId = participantId(fair, supplier);

        // not yet approved: no directory
        send("GET", "/api/fairs/" + fair + "/participants", supplier.token(), null).expectStatus().isForbidden();

        send("POST", "/api/organiser/fair-participants/" + supplierId + "/needs-info", organiser.token(),
                Map.of("reason", "请补充 IATF 16949 证书编号")).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("NEEDS_INFO");
        send("GET", registration(fair), supplier.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("NEEDS_INFO")
                .jsonPath("$.participant.reason").isEqualTo("请补充 IATF 16949 证书编号");
        send("POST", "/api/organiser/fair-participants/" + supplierId + "/approve", organiser.token(), null)
                .expectStatus().isEqualTo(409);

        Map<String, Object> answered = questionnaire("SUPPLIER");
        answered.put("certifications", List.of("ISO 9001", "IATF 16949 No.0123456"));
        answered.put("answer", "证书编号 0123456");
        send("PUT", registration(fair), supplier.token(), answered).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("PENDING")
                .jsonPath("$.history[2].from").isEqualTo("NEEDS_INFO")
                .jsonPath("$.history[2].note").isEqualTo("证书编号 0123456");
        assertThat(notifications(organiser.id())).contains("企业已补充资料：「" + title(fair) + "」");

        send("POST", "/api/organiser/fair-participants/" + supplierId + "/approve", organiser.token(), null)
                .expectStatus().isOk().expectBody().jsonPath("$.participant.status").isEqualTo("APPROVED")
                .jsonPath("$.history.length()").isEqualTo(4);
        send("POST", "/api/organiser/fair-participants/" + supplierId + "/approve", organiser.token(), null)
                .expectStatus().isEqualTo(409);
        assertThat(notifications(supplier.userId())).containsExactly("请补充报名资料：「" + title(fair) + "」",
                "报名已通过：「" + title(fair) + "」");

        send("POST", registration(fair), buyer.token(), questionnaire("BUYER")).expectStatus().isOk();
        long buyerId = participantId(fair, buyer);
        send("POST", "/api/organiser/fair-participants/" + buyerId + "/approve", organiser.token(), null).expectStatus().isOk();

        // the directory: approved only, others' contacts masked, own in full
        send("GET", "/api/fairs/" + fair + "/participants", supplier.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].enterpriseName").isEqualTo("合肥精铸科技有限公司")
                .jsonPath("$.items[0].mine").isEqualTo(true)
                .jsonPath("$.items[0].contactPhone").isEqualTo("13812341234")
                .jsonPath("$.items[1].enterpriseName").isEqualTo("芜湖整车采购有限公司")
                .jsonPath("$.items[1].contactName").isEqualTo("张**")
                .jsonPath("$.items[1].contactPhone").isEqualTo("138****1234")
                .jsonPath("$.items[?(@.enterpriseName == '待审核企业')]").doesNotExist();
        send("GET", "/api/fairs/" + fair + "/participants?role=BUYER&q=芜湖", supplier.token(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        send("GET", "/api/fairs/" + fair + "/participants", pending.token(), null).expectStatus().isForbidden();
        send("GET", "/api/fairs/" + fair + "/participants", organiser.token(), null).expectStatus().isOk();
        send("GET", "/api/fairs/" + fair + "/participants?role=KING", supplier.token(), null).expectStatus().isBadRequest();
        send("GET", "/api/fairs/" + fair + "/participants?limit=1", supplier.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.next").isEqualTo(Long.toString(supplierId));

        // reject an approved one with a reason; withdraw and register again
        send("POST", "/api/organiser/fair-participants/" + buyerId + "/reject", organiser.token(), Map.of("reason", " "))
                .expectStatus().isBadRequest();
        send("POST", "/api/organiser/fair-participants/" + buyerId + "/reject", organiser.token(),
                Map.of("reason", "经核实采购需求不真实")).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("REJECTED").jsonPath("$.participant.reason").isEqualTo("经核实采购需求不真实");
        send("DELETE", registration(fair), buyer.token(), null).expectStatus().isEqualTo(409);
        send("DELETE", registration(fair), supplier.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("WITHDRAWN");
        send("GET", "/api/fairs/" + fair + "/participants", supplier.token(), null).expectStatus().isForbidden();
        send("POST", registration(fair), supplier.token(), questionnaire("BOTH")).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.status").isEqualTo("PENDING").jsonPath("$.participant.role").isEqualTo("BOTH");

        send("GET", "/api/organiser/fairs/" + fair + "/screening", organiser.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.byStatus.PENDING").isEqualTo(2).jsonPath("$.byStatus.REJECTED").isEqualTo(1)
                .jsonPath("$.approved").isEqualTo(0).jsonPath("$.capacity").isEqualTo(3000);
        send("GET", "/api/organiser/fairs/" + fair + "/participants?status=PENDING&q=精铸", organiser.token(), null)
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].contactPhone").isEqualTo("13812341234");
        send("GET", "/api/organiser/fairs/" + fair + "/participants?status=MAYBE", organiser.token(), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        // another organiser can't decide on it
        Account other = fx.account("ORGANISER");
        send("POST", "/api/organiser/fair-participants/" + supplierId + "/approve", other.token(), null).expectStatus().isNotFound();
        send("GET", "/api/organiser/fair-participants/" + supplierId, other.token(), null).expectStatus().isNotFound();
        send("POST", "/api/organiser/fair-participants/999999999/approve", organiser.token(), null).expectStatus().isNotFound();
    }

    @Test
    void badQuestionnairesAreRefusedFieldByField() {
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        long roadshow = fx.fair(organiser.id(), FairKind.ROADSHOW, FairVisibility.PUBLIC);
        Member member = fx.enterprise("问卷测试企业");

        Map<String, Object> bad = questionnaire("SUPPLIER");
        bad.put("amountMinFen", -1);
        bad.put("contactPhone", "12345");
        bad.put("offers", "供".repeat(1001));
        bad.put("certifications", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"));
        bad.put("contactName", "");
        send("POST", registration(fair), member.token(), bad).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'amountMinFen')]").exists()
                .jsonPath("$.errors[?(@.field == 'contactPhone')]").exists()
                .jsonPath("$.errors[?(@.field == 'offers')]").exists()
                .jsonPath("$.errors[?(@.field == 'certifications')]").exists()
                .jsonPath("$.errors[?(@.field == 'contactName')]").exists();
        Map<String, Object> range = questionnaire("SUPPLIER");
        range.put("amountMinFen", 5_000L);
        range.put("amountMaxFen", 100L);
        send("POST", registration(fair), member.token(), range).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amountMaxFen");
        Map<String, Object> overflow = questionnaire("SUPPLIER");
        overflow.put("amountMaxFen", new java.math.BigInteger("99999999999999999999999"));
        send("POST", registration(fair), member.token(), overflow).expectStatus().isBadRequest();
        overflow.put("amountMaxFen", RegistrationRequest.MAX_FEN + 1);
        send("POST", registration(fair), member.token(), overflow).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amountMaxFen");
        send("POST", registration(roadshow), member.token(), questionnaire("SUPPLIER")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
        send("POST", registration(fair), member.token(), questionnaire("INVESTOR")).expectStatus().isBadRequest();
        send("POST", registration(fair), member.token(), questionnaire("NOBODY")).expectStatus().isBadRequest();
        send("POST", registration(999_999_999), member.token(), questionnaire("SUPPLIER")).expectStatus().isNotFound();
        Map<String, Object> badToken = questionnaire("SUPPLIER");
        badToken.put("invitation", "x".repeat(65));
        send("POST", registration(fair), member.token(), badToken).expectStatus().isBadRequest();
        assertThat(db.sql("select count(*) from fair_participant where enterprise_id = :e").bind("e", member.enterpriseId())
                .map(row -> row.get(0, Long.class)).one().block()).isZero();

        // a fair that ended takes no registrations
        db.sql("update fair set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' where id = :id")
                .bind("id", fair).fetch().rowsUpdated().block();
        send("POST", registration(fair), member.token(), questionnaire("SUPPLIER")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/fair-closed");
    }

    @Test
    void aClosedDoorFairIsReachedOnlyThroughALiveInvitationLink() {
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        Member invited = fx.enterprise("受邀链主企业");
        Member second = fx.enterprise("第二家受邀企业");
        Member outsider = fx.enterprise("局外企业");

        send("POST", registration(fair), outsider.token(), questionnaire("BUYER")).expectStatus().isNotFound();
        send("GET", registration(fair), outsider.token(), null).expectStatus().isNotFound();

        Map<?, ?> created = send("POST", "/api/organiser/fairs/" + fair + "/invitations", organiser.token(),
                Map.of("note", "链主企业", "maxUses", 1)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) created.get("token");
        assertThat((String) created.get("path")).isEqualTo("/fairs/" + fair + "/register?invite=" + token);
        send("GET", "/api/organiser/fairs/" + fair + "/invitations", organiser.token(), null).expectStatus().isOk()
                .expectBody().jsonPath("$[0].note").isEqualTo("链主企业").jsonPath("$[0].token").doesNotExist();

        send("GET", "/api/fair-invitations/" + token, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.fair.id").isEqualTo(fair).jsonPath("$.note").isEqualTo("链主企业");
        send("GET", registration(fair) + "?invite=" + token, invited.token(), null).expectStatus().isOk();
        Map<String, Object> body = questionnaire("BUYER");
        body.put("invitation", token);
        send("POST", registration(fair), invited.token(), body).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.invited").isEqualTo(true);
        // registered: the fair is visible to it now, without the link
        send("GET", "/api/fairs/" + fair, invited.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.mine.status").isEqualTo("PENDING");
        send("GET", "/api/fairs/mine", invited.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$[0].fair.id").isEqualTo(fair).jsonPath("$[0].mine.status").isEqualTo("PENDING");
        send("GET", "/api/fairs/mine", null, null).expectStatus().isUnauthorized();
        // used up: gone, saying so
        send("GET", "/api/fair-invitations/" + token, null, null).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.detail").isEqualTo("邀请链接的可用次数已用完");
        send("POST", registration(fair), second.token(), body).expectStatus().isEqualTo(410);

        Map<?, ?> multi = send("POST", "/api/organiser/fairs/" + fair + "/invitations", organiser.token(),
                Map.of("note", "配套企业", "maxUses", 5)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        long multiId = ((Number) ((Map<?, ?>) multi.get("invitation")).get("id")).longValue();
        send("DELETE", "/api/organiser/fairs/" + fair + "/invitations/" + multiId, organiser.token(), null).expectStatus().isOk();
        send("DELETE", "/api/organiser/fairs/" + fair + "/invitations/" + multiId, organiser.token(), null).expectStatus().isNotFound();
        body.put("invitation", multi.get("token"));
        send("POST", registration(fair), second.token(), body).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.detail").isEqualTo("邀请链接已被主办方撤销");
        send("GET", "/api/fair-invitations/" + multi.get("token"), null, null).expectStatus().isEqualTo(410);
        send("GET", "/api/fair-invitations/not-a-token", null, null).expectStatus().isNotFound();
        send("POST", "/api/organiser/fairs/" + fair + "/invitations", organiser.token(), Map.of("note", "x", "maxUses", 0))
                .expectStatus().isBadRequest();
        // an invitation of another fair does not open this one
        long otherFair = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        Map<?, ?> foreign = send("POST", "/api/organiser/fairs/" + otherFair + "/invitations", organiser.token(),
                Map.of("note", "别的会")).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        body.put("invitation", foreign.get("token"));
        send("POST", registration(fair), second.token(), body).expectStatus().isNotFound();
    }

    @Test
    void eachCommittedScreeningChangeIsToldAsParticipantActivity() {
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        Member member = fx.enterprise("活动通知企业");
        var heard = StepVerifier.create(activity.changes().filter(c -> c.fairId() == fair).take(2))
                .expectSubscription()
                .assertNext(c -> assertThat(c.what()).isEqualTo(FairActivity.What.PARTICIPANT))
                .assertNext(c -> assertThat(c.what()).isEqualTo(FairActivity.What.PARTICIPANT))
                .expectComplete()
                .verifyLater();
        send("POST", registration(fair), member.token(), questionnaire("BUYER")).expectStatus().isOk();
        send("POST", "/api/organiser/fair-participants/" + participantId(fair, member) + "/approve", organiser.token(), null)
                .expectStatus().isOk();
        heard.verify(Duration.ofSeconds(10));
        Map<String, Object> longer = questionnaire("BUYER");
        longer.put("needs", "需".repeat(1001));
        longer.put("contactName", "名".repeat(41));
        longer.put("certifications", List.of("证".repeat(41)));
        longer.put("answer", "答".repeat(501));
        send("PUT", registration(fair), member.token(), longer).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'needs')]").exists()
                .jsonPath("$.errors[?(@.field == 'contactName')]").exists()
                .jsonPath("$.errors[?(@.field == 'certifications[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'answer')]").exists();
    }

    @Test
    void concurrentApprovalsNeverExceedTheCapacity() {
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        db.sql("update fair set capacity = 5 where id = :id").bind("id", fair).fetch().rowsUpdated().block();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(fx.participant(fair, fx.enterprise("抢名额企业" + i), ParticipantRole.SUPPLIER, ParticipantStatus.PENDING));
        }
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.fromIterable(ids)
                .flatMap(id -> client.post().uri("/api/organiser/fair-participants/" + id + "/approve")
                        .header("Authorization", "Bearer " + organiser.token())
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 12)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(db.sql("select count(*) from fair_participant where fair_id = :f and status = 'APPROVED'").bind("f", fair)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(5);
    }

    @Test
    void theCsvListsEveryRegistrationWithFullContactsAndTheFiguresCountByHand() {
        Account organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        Member a = fx.enterprise("=HYPERLINK 企业");
        send("POST", registration(fair), a.token(), questionnaire("SUPPLIER")).expectStatus().isOk();
        fx.participant(fair, fx.enterprise("已通过一"), ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        fx.participant(fair, fx.enterprise("已通过二"), ParticipantRole.BOTH, ParticipantStatus.APPROVED);
        fx.participant(fair, fx.enterprise("未通过"), ParticipantRole.BUYER, ParticipantStatus.REJECTED);
        fx.participant(fair, fx.enterprise("已撤回"), ParticipantRole.BUYER, ParticipantStatus.WITHDRAWN);
        fx.participant(fx.fair(organiser.id()), fx.enterprise("别的会"), ParticipantRole.BUYER, ParticipantStatus.APPROVED);

        String csv = send("GET", "/api/organiser/fairs/" + fair + "/participants.csv", organiser.token(), null)
                .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("\uFEFF报名编号,企业名称,统一社会信用代码");
        assertThat(lines[1]).contains("'=HYPERLINK 企业", "供应商", "待审核", "铝合金压铸件", "10000.00", "500000.00",
                "ISO 9001；IATF 16949", "张三丰", "13812341234", "否");
        assertThat(csv).contains("已通过一", "未通过,", "测试原因", "已撤回").doesNotContain("别的会");
        send("GET", "/api/organiser/fairs/" + fair + "/participants.csv", fx.account("ORGANISER").token(), null)
                .expectStatus().isNotFound();

        // hand count: 5 registered, 1 withdrawn → 4 enterprises; 2 approved
        FairFigureSource screening = figureSources.stream().filter(s -> s instanceof ScreeningFigures).findFirst().orElseThrow();
        StepVerifier.create(screening.figures(fair))
                .expectNext(Map.of(FairFigure.ENTERPRISES, 4L, FairFigure.APPROVED, 2L)).verifyComplete();
    }

    String title(long fairId) {
        return db.sql("select title from fair where id = :id").bind("id", fairId).map(row -> row.get(0, String.class)).one().block();
    }

    List<String> notifications(long userId) {
        return db.sql("select title from user_notification where user_id = :u order by id").bind("u", userId)
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
