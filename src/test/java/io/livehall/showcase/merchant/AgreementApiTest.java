package io.livehall.showcase.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.common.error.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

class AgreementApiTest extends OnboardingTest {

    @Autowired
    MerchantAccess access;

    @Test
    void currentAgreementsArePublicWithTheHashOfTheirText() {
        List<Agreement> current = current();
        assertThat(current).extracting(Agreement::kind).containsExactly("ENTRY_AGREEMENT", "QUALITY_COMMITMENT");
        assertThat(current).allSatisfy(a -> {
            assertThat(a.textSha256()).isEqualTo(AgreementService.sha256(a.body()));
            assertThat(a.title()).isNotBlank();
            assertThat(a.version()).isPositive();
        });
    }

    @Test
    void organisersPublishTheNextVersionAndOthersMayNot() {
        String body = "一、新版条款 " + UUID.randomUUID() + "\r\n二、其余不变。";
        publish(null, "ENTRY_AGREEMENT", "进场协议", body).expectStatus().isUnauthorized();
        publish(userWithRoles("viewer").token(), "ENTRY_AGREEMENT", "进场协议", body).expectStatus().isForbidden();
        publish(fixtures().tradingMerchant("pub").user().token(), "ENTRY_AGREEMENT", "进场协议", body)
                .expectStatus().isForbidden();
        String organiser = organiserToken();
        publish(organiser, "ENTRY_AGREEMENT", " ", "").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        publish(organiser, "NDA", "保密协议", body).expectStatus().isBadRequest();

        int before = versionOf("ENTRY_AGREEMENT");
        Agreement published = publish(organiser, "ENTRY_AGREEMENT", "进场协议（新版）", body)
                .expectStatus().isCreated().expectBody(Agreement.class).returnResult().getResponseBody();
        String stored = body.replace("\r\n", "\n");
        assertThat(published.version()).isEqualTo(before + 1);
        assertThat(published.body()).isEqualTo(stored);
        assertThat(published.textSha256()).isEqualTo(AgreementService.sha256(stored));
        assertThat(current()).filteredOn(a -> a.kind().equals("ENTRY_AGREEMENT"))
                .singleElement().extracting(Agreement::id).isEqualTo(published.id());
    }

    @Test
    void aTitleCarriesNoVersionSoItNeverReadsTwice() {
        String organiser = organiserToken();
        String body = "一、修订条款 " + UUID.randomUUID();
        int next = versionOf("QUALITY_COMMITMENT") + 1;
        Agreement published = publish(organiser, "QUALITY_COMMITMENT", "质量承诺书（第 " + next + " 版）", body)
                .expectStatus().isCreated().expectBody(Agreement.class).returnResult().getResponseBody();
        assertThat(published.title()).isEqualTo("质量承诺书");
        assertThat(published.version()).isEqualTo(next);
        assertThat(AgreementService.titleWithoutVersion(" 进场协议(第2版)（第 2 版） ")).isEqualTo("进场协议");
        assertThat(AgreementService.titleWithoutVersion("（第 2 版）")).isEqualTo("（第 2 版）");
        assertThat(AgreementService.titleWithoutVersion("第 2 版说明")).isEqualTo("第 2 版说明");
    }

    @Test
    void aMerchantTradesOnceItAcceptedTheNewestVersionsAndStopsWhenANewOneIsPublished() {
        String organiser = organiserToken();
        Approved merchant = approvedMerchant("sign", organiser);
        String token = merchant.user().token();
        profile(token).expectStatus().isOk().expectBody()
                .jsonPath("$.trading").isEqualTo(false)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.agreements.length()").isEqualTo(2)
                .jsonPath("$.agreements[0].accepted").isEqualTo(false);
        expectProblem(merchant.user().id(), "agreements-not-accepted");

        List<Agreement> current = current();
        Agreement entry = current.get(0);
        Agreement quality = current.get(1);
        accept(token, entry.id(), "0".repeat(64)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/agreement-text-mismatch");
        accept(token, entry.id(), "not-a-hash").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("textSha256");
        accept(token, Long.MAX_VALUE, entry.textSha256()).expectStatus().isNotFound();
        accept(token, entry.id(), entry.textSha256()).expectStatus().isOk()
                .expectBody().jsonPath("$.trading").isEqualTo(false)
                .jsonPath("$.agreements[0].accepted").isEqualTo(true)
                .jsonPath("$.agreements[0].acceptedBy").isEqualTo("企业联系人");
        accept(token, entry.id(), entry.textSha256().toUpperCase()).expectStatus().isOk();
        accept(token, quality.id(), quality.textSha256()).expectStatus().isOk()
                .expectBody().jsonPath("$.trading").isEqualTo(true);
        assertThat(count("select count(*) from agreement_acceptance where merchant_id = :m", "m", merchant.merchantId()))
                .isEqualTo(2);
        Map<String, Object> row = db.sql("""
                        select accepted_by, text_sha256 from agreement_acceptance
                        where merchant_id = :m and agreement_id = :a""")
                .bind("m", merchant.merchantId()).bind("a", entry.id()).fetch().one().block();
        assertThat(row).containsEntry("accepted_by", merchant.user().id()).containsEntry("text_sha256", entry.textSha256());
        StepVerifier.create(access.requireTrading(merchant.user().id()))
                .expectNextMatches(m -> m.id() == merchant.merchantId() && m.trading()).verifyComplete();

        Agreement newer = publish(organiser, "QUALITY_COMMITMENT", "质量服务承诺（新版）", "新版承诺 " + UUID.randomUUID())
                .expectStatus().isCreated().expectBody(Agreement.class).returnResult().getResponseBody();
        expectProblem(merchant.user().id(), "agreements-not-accepted");
        profile(token).expectStatus().isOk().expectBody()
                .jsonPath("$.trading").isEqualTo(false)
                .jsonPath("$.agreements[1].agreement.id").isEqualTo(newer.id())
                .jsonPath("$.agreements[1].accepted").isEqualTo(false)
                .jsonPath("$.agreements[0].accepted").isEqualTo(true);
        accept(token, quality.id(), quality.textSha256()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/agreement-outdated");
        accept(token, newer.id(), newer.textSha256()).expectStatus().isOk()
                .expectBody().jsonPath("$.trading").isEqualTo(true);
        StepVerifier.create(access.requireTrading(merchant.user().id())).expectNextCount(1).verifyComplete();
    }

    @Test
    void onlyMerchantsAccept() {
        Agreement entry = current().get(0);
        accept(null, entry.id(), entry.textSha256()).expectStatus().isUnauthorized();
        accept(enterpriseUser("viewer").token(), entry.id(), entry.textSha256()).expectStatus().isForbidden();
        // the role without a merchant behind it (e.g. granted by an admin by hand)
        String roleOnly = userWithRoles("roleonly", "VIEWER", "MERCHANT").token();
        accept(roleOnly, entry.id(), entry.textSha256()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/not-a-merchant");
        profile(roleOnly).expectStatus().isForbidden();
    }

    private void expectProblem(long userId, String type) {
        StepVerifier.create(access.requireTrading(userId))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).getBody().getType())
                        .hasToString(ApiProblem.TYPE_BASE + type))
                .verify();
    }

    private List<Agreement> current() {
        return http.get().uri("/api/agreements/current").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Agreement>>() { }).returnResult().getResponseBody();
    }

    private int versionOf(String kind) {
        return current().stream().filter(a -> a.kind().equals(kind)).findFirst().orElseThrow().version();
    }

    private WebTestClient.ResponseSpec publish(String token, String kind, String title, String body) {
        return http.post().uri("/api/organiser/agreements").headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", kind, "title", title, "body", body)).exchange();
    }

    private WebTestClient.ResponseSpec accept(String token, long id, String hash) {
        return http.post().uri("/api/merchant/agreements/{id}/accept", id).headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("textSha256", hash)).exchange();
    }

    private WebTestClient.ResponseSpec profile(String token) {
        return http.get().uri("/api/merchant/profile").headers(h -> h.setBearerAuth(token)).exchange();
    }

    record Agreement(long id, String kind, int version, String title, String body, String textSha256) {
    }
}
