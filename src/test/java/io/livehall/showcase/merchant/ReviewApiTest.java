package io.livehall.showcase.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import reactor.test.StepVerifier;

@SuppressWarnings("unchecked")
class ReviewApiTest extends OnboardingTest {

    @Autowired
    MerchantAccess access;

    @Test
    void onlyOrganisersAndAdminsReview() {
        long round = openRound(organiserToken(), 20);
        ShowcaseFixtures.Account applicant = enterpriseUser("self");
        long id = applied(applicant, round);
        http.get().uri("/api/organiser/rounds/{id}/applications", round).exchange().expectStatus().isUnauthorized();
        decide(null, id, "APPROVE", null).expectStatus().isUnauthorized();
        for (String token : List.of(applicant.token(), fixtures().tradingMerchant("peer").user().token())) {
            http.get().uri("/api/organiser/rounds/{id}/applications", round).headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isForbidden();
            http.get().uri("/api/organiser/applications/{id}", id).headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isForbidden();
            decide(token, id, "APPROVE", null).expectStatus().isForbidden();
        }
        assertThat(count("select count(*) from merchant where application_id = :a", "a", id)).isZero();
        String admin = userWithRoles("admin", "ADMIN").token();
        decide(admin, id, "REJECT", "不符合条件").expectStatus().isOk();
    }

    @Test
    void listsARoundsApplicationsByStatusInKeysetPagesWithTheQuotaAlongside() {
        String organiser = organiserToken();
        long round = openRound(organiser, 20);
        long a = applied(enterpriseUser("page-a"), round);
        long b = applied(enterpriseUser("page-b"), round);
        long c = applied(enterpriseUser("page-c"), round);
        decide(organiser, b, "REJECT", "材料不全").expectStatus().isOk();

        ReviewBody first = page(organiser, "/api/organiser/rounds/" + round + "/applications?status=SUBMITTED&limit=1");
        assertThat(first.round()).containsEntry("received", 3).containsEntry("pending", 2).containsEntry("quotaLeft", 20);
        assertThat(first.items()).extracting(i -> ((Number) i.get("id")).longValue()).containsExactly(a);
        Map<String, Object> enterprise = (Map<String, Object>) first.items().get(0).get("enterprise");
        assertThat(enterprise).containsKeys("name", "creditCode", "region", "industry", "size");
        assertThat((String) enterprise.get("creditCode")).hasSize(18);
        List<Map<String, Object>> documents = (List<Map<String, Object>>) first.items().get(0).get("documents");
        assertThat(documents).singleElement().satisfies(d -> assertThat((String) d.get("url")).isEqualTo("/api/files/" + d.get("fileId")));
        assertThat(first.next()).isNotNull();
        ReviewBody second = page(organiser, "/api/organiser/rounds/" + round + "/applications?status=SUBMITTED&limit=1&after=" + first.next());
        assertThat(second.items()).extracting(i -> ((Number) i.get("id")).longValue()).containsExactly(c);
        assertThat(second.next()).isNull();
        ReviewBody all = page(organiser, "/api/organiser/rounds/" + round + "/applications");
        assertThat(all.items()).extracting(i -> ((Number) i.get("id")).longValue()).containsExactly(a, b, c);
        ReviewBody rejected = page(organiser, "/api/organiser/rounds/" + round + "/applications?status=REJECTED");
        assertThat(rejected.items()).singleElement().satisfies(i -> assertThat(i.get("decisionReason")).isEqualTo("材料不全"));

        http.get().uri("/api/organiser/applications/{id}", b).headers(h -> h.setBearerAuth(organiser)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.enterprise.name").isEqualTo("page-b 测试企业")
                .jsonPath("$.history[1].actorName").isEqualTo("测试用户");
        http.get().uri("/api/organiser/applications/{id}", Long.MAX_VALUE).headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/organiser/rounds/{id}/applications?status=NOPE", round).headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/organiser/rounds/{id}/applications?after=x", round).headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/organiser/rounds/{id}/applications", Long.MAX_VALUE).headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void decisionsAreTakenOnlyOnSubmittedApplicationsAndRefusalsSayWhy() {
        String organiser = organiserToken();
        long round = openRound(organiser, 20);
        long id = applied(enterpriseUser("once"), round);
        decide(organiser, id, "REJECT", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        decide(organiser, id, "REQUEST_CHANGES", "  ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        decide(organiser, id, "MAYBE", null).expectStatus().isBadRequest();
        decide(organiser, Long.MAX_VALUE, "APPROVE", null).expectStatus().isNotFound();
        assertThat(count("select count(*) from application_status_change where application_id = :a", "a", id)).isEqualTo(1);

        decide(organiser, id, "REJECT", "产品不属于名优新特").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.decisionReason").isEqualTo("产品不属于名优新特");
        for (String decision : List.of("APPROVE", "REJECT", "REQUEST_CHANGES")) {
            decide(organiser, id, decision, "再次").expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/application-not-submitted");
        }
        List<Map<String, Object>> history = db.sql("""
                        select from_status, to_status, reason, actor_id from application_status_change
                        where application_id = :a order by id""")
                .bind("a", id).fetch().all().collectList().block();
        assertThat(history).hasSize(2);
        assertThat(history.get(1)).containsEntry("from_status", "SUBMITTED").containsEntry("to_status", "REJECTED")
                .containsEntry("reason", "产品不属于名优新特");
        assertThat(count("select count(*) from merchant where application_id = :a", "a", id)).isZero();
    }

    @Test
    void approvalCreatesTheMerchantGrantsTheRoleAfterLoginAgainAndNotifiesTheApplicant() {
        String organiser = organiserToken();
        long round = openRound(organiser, 20);
        ShowcaseFixtures.Account applicant = enterpriseUser("approved");
        long id = applied(applicant, round);
        try (RawStompClient stomp = RawStompClient.open(port)) {
            stomp.connect(applicant.token());
            stomp.subscribe("n", "/user/queue/notifications");

            decide(organiser, id, "REQUEST_CHANGES", "请补充商标注册证").expectStatus().isOk();
            RawStompClient.Frame changes = stomp.expect("MESSAGE");
            assertThat(changes.body()).contains("\"type\":\"application\"", "\"applicationId\":" + id,
                    "\"status\":\"CHANGES_REQUESTED\"", "\"reason\":\"请补充商标注册证\"", "\"title\":", "\"at\":");
            http.put().uri("/api/applications/{id}", id).headers(h -> h.setBearerAuth(applicant.token()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(applicationJson(null, "13912345678", licence(applicant.token())))
                    .exchange().expectStatus().isOk();

            decide(organiser, id, "APPROVE", "欢迎入驻").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("APPROVED");
            assertThat(stomp.expect("MESSAGE").body()).contains("\"status\":\"APPROVED\"", "\"applicationId\":" + id);
            // approval ends the applicant's tokens (they log in again for MERCHANT): the connection learns it after the news
            assertThat(stomp.expect("ERROR").header("message")).isEqualTo("token revoked");
        }

        Map<String, Object> merchant = db.sql("""
                        select m.display_name, m.status, e.name from merchant m join enterprise e on e.id = m.enterprise_id
                        where m.application_id = :a""").bind("a", id).fetch().one().block();
        assertThat(merchant).containsEntry("status", "ACTIVE").containsEntry("display_name", merchant.get("name"));
        List<String> to = db.sql("select to_status from application_status_change where application_id = :a order by id")
                .bind("a", id).map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(to).containsExactly("SUBMITTED", "CHANGES_REQUESTED", "SUBMITTED", "APPROVED");

        http.get().uri("/api/me").headers(h -> h.setBearerAuth(applicant.token())).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("账号权限已变更，请重新登录");
        String fresh = login(applicant.username(), PASSWORD);
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(fresh)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles").value(r -> assertThat((List<Object>) r).containsExactly("VIEWER", "MERCHANT"));
        StepVerifier.create(access.merchantOf(applicant.id()))
                .expectNextMatches(m -> m.active() && !m.trading())
                .verifyComplete();
    }

    @Test
    void anEnterpriseApprovedInOneRoundIsNotApprovedAgainInAnother() {
        String organiser = organiserToken();
        ShowcaseFixtures.Account applicant = enterpriseUser("tworounds");
        long first = applied(applicant, openRound(organiser, 20));
        long second = applied(applicant, openRound(organiser, 20));
        decide(organiser, first, "APPROVE", null).expectStatus().isOk();
        decide(organiser, second, "APPROVE", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/already-merchant");
        assertThat(count("select count(*) from merchant_application where id = :a and status = 'SUBMITTED'", "a", second))
                .isEqualTo(1);
    }

    private ReviewBody page(String token, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<ReviewBody>() { })
                .returnResult().getResponseBody();
    }

    record ReviewBody(Map<String, Object> round, List<Map<String, Object>> items, String next) {
    }
}
