package io.livehall.showcase.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

@SuppressWarnings("unchecked")
class RoundApiTest extends OnboardingTest {

    @Test
    void onlyOrganisersAndAdminsManageRounds() {
        http.get().uri("/api/organiser/rounds").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/rounds/open").exchange().expectStatus().isUnauthorized();
        String viewer = userWithRoles("viewer").token();
        http.get().uri("/api/organiser/rounds").headers(h -> h.setBearerAuth(viewer)).exchange()
                .expectStatus().isForbidden();
        Instant now = Instant.now();
        createRound(viewer, "不该成功", 5, now, now.plus(1, ChronoUnit.DAYS)).expectStatus().isForbidden();
        String merchant = fixtures().tradingMerchant("rounds").user().token();
        createRound(merchant, "不该成功", 5, now, now.plus(1, ChronoUnit.DAYS)).expectStatus().isForbidden();
        String admin = userWithRoles("admin", "ADMIN").token();
        createRound(admin, "管理员创建", 5, now, now.plus(1, ChronoUnit.DAYS)).expectStatus().isCreated();
    }

    @Test
    void refusesBadRoundsWithFieldErrors() {
        String organiser = organiserToken();
        Instant now = Instant.now();
        createRound(organiser, "反了", 5, now, now.minus(1, ChronoUnit.HOURS))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("closesAt");
        http.post().uri("/api/organiser/rounds").headers(h -> h.setBearerAuth(organiser))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\" \",\"quota\":0}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("closesAt", "name", "opensAt", "quota"));
    }

    @Test
    void showsLiveFiguresWhileApplicationsArriveAndAreDecided() {
        String organiser = organiserToken();
        long round = openRound(organiser, 2);
        ShowcaseFixtures.Account a = enterpriseUser("fig-a");
        ShowcaseFixtures.Account b = enterpriseUser("fig-b");
        ShowcaseFixtures.Account c = enterpriseUser("fig-c");
        long first = applied(a, round);
        applied(b, round);
        long third = applied(c, round);
        decide(organiser, first, "APPROVE", null).expectStatus().isOk();
        decide(organiser, third, "REJECT", "资质不全").expectStatus().isOk();

        http.get().uri("/api/organiser/rounds/{id}", round).headers(h -> h.setBearerAuth(organiser)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.quota").isEqualTo(2)
                .jsonPath("$.open").isEqualTo(true)
                .jsonPath("$.received").isEqualTo(3)
                .jsonPath("$.pending").isEqualTo(1)
                .jsonPath("$.approved").isEqualTo(1)
                .jsonPath("$.quotaLeft").isEqualTo(1);
        List<Map<String, Object>> all = http.get().uri("/api/organiser/rounds").headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(all).anySatisfy(r -> {
            assertThat(((Number) r.get("id")).longValue()).isEqualTo(round);
            assertThat(r.get("approved")).isEqualTo(1);
        });
        http.get().uri("/api/organiser/rounds/{id}", 0).headers(h -> h.setBearerAuth(organiser)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void applicantsSeeOnlyRoundsOpenNow() {
        String organiser = organiserToken();
        long open = openRound(organiser, 20);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long closed = createRound(organiser, "已截止", 20, now.minus(10, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))
                .expectStatus().isCreated().expectBody(Id.class).returnResult().getResponseBody().id();
        long future = createRound(organiser, "未开始", 20, now.plus(1, ChronoUnit.DAYS), now.plus(9, ChronoUnit.DAYS))
                .expectStatus().isCreated().expectBody(Id.class).returnResult().getResponseBody().id();
        String applicant = enterpriseUser("open").token();
        List<Id> rounds = http.get().uri("/api/rounds/open").headers(h -> h.setBearerAuth(applicant)).exchange()
                .expectStatus().isOk()
                .expectBodyList(Id.class).returnResult().getResponseBody();
        assertThat(rounds).extracting(Id::id).contains(open).doesNotContain(closed, future);
    }
}
