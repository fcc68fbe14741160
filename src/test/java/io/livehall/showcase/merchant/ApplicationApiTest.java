package io.livehall.showcase.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@SuppressWarnings("unchecked")
class ApplicationApiTest extends OnboardingTest {

    @Test
    void anonymousUsersAreAskedToLogIn() {
        http.post().uri("/api/applications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(applicationJson(1L, "13912345678")).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/applications/mine").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aUserWithoutAnEnterpriseIsToldToAddIt() {
        long round = openRound(organiserToken(), 20);
        ShowcaseFixtures.Account viewer = userWithRoles("noent");
        Doc licence = licence(viewer.token());
        apply(viewer.token(), applicationJson(round, "13912345678", licence))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/enterprise-required")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("企业信息"));
        http.get().uri("/api/applications/mine").headers(h -> h.setBearerAuth(viewer.token())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void badFieldsAndDocumentsAreRefusedFieldByFieldAndNothingIsWritten() {
        long round = openRound(organiserToken(), 20);
        ShowcaseFixtures.Account applicant = enterpriseUser("bad");
        ShowcaseFixtures.Account other = enterpriseUser("other");
        Doc licence = licence(applicant.token());

        apply(applicant.token(), applicationJson(round, "12345", licence))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("contactPhone");
        Doc onlyOther = new Doc(upload(applicant.token(), "DOCUMENT", PDF, "说明.pdf"), "OTHER");
        apply(applicant.token(), applicationJson(round, "13912345678", onlyOther))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("documents")
                .jsonPath("$.errors[0].message").isEqualTo("请上传营业执照");
        apply(applicant.token(), applicationJson(round, "13912345678"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("documents");
        Doc othersFile = new Doc(upload(other.token(), "DOCUMENT", PDF, "别人的.pdf"), "QUALITY_CERTIFICATE");
        Doc image = new Doc(upload(applicant.token(), "IMAGE", PNG, "商标.png"), "TRADEMARK");
        apply(applicant.token(), applicationJson(round, "13912345678", licence, othersFile, image, new Doc(0, "OTHER")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactly("documents[1].fileId", "documents[2].fileId", "documents[3].fileId"));
        apply(applicant.token(), applicationJson(round, "13912345678", licence, licence))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("documents[1].fileId");
        apply(applicant.token(), applicationJson(round, "13912345678").replace("\"FAMOUS_QUALITY\"", "null")
                        .replace("[]", "[" + licence.json() + "]"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("category");

        assertThat(count("select count(*) from merchant_application where applicant_id = :u", "u", applicant.id())).isZero();
    }

    @Test
    void anEnterpriseAppliesOncePerRound() {
        long round = openRound(organiserToken(), 20);
        ShowcaseFixtures.Account applicant = enterpriseUser("twice");
        long first = applied(applicant, round);
        apply(applicant.token(), applicationJson(round, "13912345678", licence(applicant.token())))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/application-exists")
                .jsonPath("$.errors[0].field").isEqualTo("roundId");
        assertThat(count("select count(*) from merchant_application where applicant_id = :u", "u", applicant.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from application_status_change where application_id = :a", "a", first))
                .isEqualTo(1);
    }

    @Test
    void onlyOpenRoundsTakeApplications() {
        String organiser = organiserToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long closed = createRound(organiser, "已截止", 20, now.minus(10, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))
                .expectStatus().isCreated().expectBody(Id.class).returnResult().getResponseBody().id();
        long future = createRound(organiser, "未开始", 20, now.plus(1, ChronoUnit.DAYS), now.plus(9, ChronoUnit.DAYS))
                .expectStatus().isCreated().expectBody(Id.class).returnResult().getResponseBody().id();
        ShowcaseFixtures.Account applicant = enterpriseUser("closed");
        Doc licence = licence(applicant.token());
        for (long round : new long[] {closed, future}) {
            apply(applicant.token(), applicationJson(round, "13912345678", licence))
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/round-closed");
        }
        apply(applicant.token(), applicationJson(Long.MAX_VALUE, "13912345678", licence)).expectStatus().isNotFound();
    }

    @Test
    void aMerchantEnterpriseCannotApplyAgain() {
        long round = openRound(organiserToken(), 20);
        ShowcaseFixtures.Merchant merchant = fixtures().tradingMerchant("again");
        apply(merchant.user().token(), applicationJson(round, "13912345678", licence(merchant.user().token())))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/already-merchant");
    }

    @Test
    void applicantsSeeTheirOwnApplicationsWithDocumentsAndHistoryAndNobodyElses() {
        long round = openRound(organiserToken(), 20);
        ShowcaseFixtures.Account applicant = enterpriseUser("mine");
        long id = applied(applicant, round);
        http.get().uri("/api/applications/mine").headers(h -> h.setBearerAuth(applicant.token())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(id)
                .jsonPath("$[0].status").isEqualTo("SUBMITTED")
                .jsonPath("$[0].enterprise.name").isEqualTo("mine 测试企业")
                .jsonPath("$[0].documents[0].kind").isEqualTo("BUSINESS_LICENSE")
                .jsonPath("$[0].documents[0].name").isEqualTo("营业执照.pdf")
                .jsonPath("$[0].documents[0].url").value(url -> assertThat((String) url).startsWith("/api/files/"))
                .jsonPath("$[0].history.length()").isEqualTo(1)
                .jsonPath("$[0].history[0].from").doesNotExist()
                .jsonPath("$[0].history[0].to").isEqualTo("SUBMITTED");

        ShowcaseFixtures.Merchant merchant = fixtures().tradingMerchant("nosy");
        ShowcaseFixtures.Account stranger = enterpriseUser("stranger");
        for (String token : List.of(merchant.user().token(), stranger.token())) {
            http.get().uri("/api/applications/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isNotFound();
            http.get().uri("/api/applications/mine").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.id == " + id + ")]").doesNotExist();
        }
        http.get().uri("/api/applications/{id}", id).headers(h -> h.setBearerAuth(applicant.token())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
    }

    @Test
    void changesRequestedMayBeRevisedAndResubmittedOnlyByTheApplicant() {
        String organiser = organiserToken();
        long round = openRound(organiser, 20);
        ShowcaseFixtures.Account applicant = enterpriseUser("revise");
        long id = applied(applicant, round);
        Doc newLicence = licence(applicant.token());
        Doc certificate = new Doc(upload(applicant.token(), "DOCUMENT", PNG, "质量认证.png"), "QUALITY_CERTIFICATE");
        String revision = applicationJson(null, "13800001111", newLicence, certificate);

        revise(applicant.token(), id, revision).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/application-not-revisable");
        decide(organiser, id, "REQUEST_CHANGES", "请补充质量认证证书").expectStatus().isOk();
        revise(enterpriseUser("intruder").token(), id, revision).expectStatus().isNotFound();
        revise(applicant.token(), id, applicationJson(null, "13800001111", certificate)).expectStatus().isBadRequest();

        revise(applicant.token(), id, revision).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SUBMITTED")
                .jsonPath("$.contactPhone").isEqualTo("13800001111")
                .jsonPath("$.decisionReason").doesNotExist()
                .jsonPath("$.documents.length()").isEqualTo(2)
                .jsonPath("$.documents[*].fileId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly((int) newLicence.fileId(), (int) certificate.fileId()))
                .jsonPath("$.history[*].to").value(to -> assertThat((List<Object>) to)
                        .containsExactly("SUBMITTED", "CHANGES_REQUESTED", "SUBMITTED"))
                .jsonPath("$.history[1].reason").isEqualTo("请补充质量认证证书")
                .jsonPath("$.history[1].actorName").isEqualTo("组织方")
                .jsonPath("$.history[2].from").isEqualTo("CHANGES_REQUESTED");
        revise(applicant.token(), id, revision).expectStatus().isEqualTo(409);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec revise(String token, long id,
                                                                                            String json) {
        return http.put().uri("/api/applications/{id}", id).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
