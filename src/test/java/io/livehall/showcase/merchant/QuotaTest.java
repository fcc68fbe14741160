package io.livehall.showcase.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class QuotaTest extends OnboardingTest {

    @Autowired
    ReviewService reviews;

    @Test
    void approvalsStopAtTheQuota() {
        String organiser = organiserToken();
        long round = openRound(organiser, 1);
        ShowcaseFixtures.Account late = enterpriseUser("late");
        long first = applied(enterpriseUser("first"), round);
        long second = applied(late, round);
        decide(organiser, first, "APPROVE", null).expectStatus().isOk();
        decide(organiser, second, "APPROVE", null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/quota-full")
                .jsonPath("$.detail").isEqualTo("本批次名额已满（已通过 1 / 1）");

        assertThat(count("select count(*) from merchant_application where id = :a and status = 'SUBMITTED'", "a", second))
                .isEqualTo(1);
        assertThat(count("select count(*) from merchant where application_id = :a", "a", second)).isZero();
        assertThat(count("select count(*) from application_status_change where application_id = :a", "a", second))
                .isEqualTo(1);
        assertThat(count("select count(*) from app_user where id = :u and 'MERCHANT' = any(roles)", "u", late.id()))
                .isZero();
        // a refusal or a request for changes needs no place
        decide(organiser, second, "REJECT", "名额已满").expectStatus().isOk();
    }

    @Test
    void approvalsRacingForTheLastPlacesLeaveExactlyTheQuotaApproved() {
        ShowcaseFixtures.Account organiserAccount = userWithRoles("org", "VIEWER", "ORGANISER");
        String organiser = organiserAccount.token();
        long organiserId = organiserAccount.id();
        int quota = 1;
        long round = openRound(organiser, quota);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(applied(enterpriseUser("svc-race" + i), round));
        }
        List<String> outcomes = Flux.fromIterable(ids)
                .flatMap(id -> reviews.decide(organiserId, id, new DecisionRequest(Decision.APPROVE, null))
                        .map(view -> "approved")
                        .onErrorResume(ApiProblem.class, e -> Mono.just(e.getBody().getType().toString())), ids.size())
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(outcomes).filteredOn("approved"::equals).hasSize(quota);
        assertThat(outcomes).filteredOn((ApiProblem.TYPE_BASE + "quota-full")::equals).hasSize(ids.size() - quota);
        assertThat(count("select count(*) from merchant_application where round_id = :r and status = 'APPROVED'", "r", round))
                .isEqualTo(quota);
    }

    @Test
    void concurrentApprovalsOverHttpNeverExceedTheQuota() {
        String organiser = organiserToken();
        int quota = 2;
        long round = openRound(organiser, quota);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(applied(enterpriseUser("race" + i), round));
        }
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.fromIterable(ids)
                .flatMap(id -> client.post().uri("/api/organiser/applications/{id}/decision", id)
                        .headers(h -> h.setBearerAuth(organiser))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\":\"APPROVE\"}")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                        ids.size())
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(6);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(quota);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(6 - quota);
        assertThat(count("select count(*) from merchant_application where round_id = :r and status = 'APPROVED'", "r", round))
                .isEqualTo(quota);
        assertThat(count("""
                select count(*) from merchant m join merchant_application a on a.id = m.application_id
                where a.round_id = :r""", "r", round)).isEqualTo(quota);
        assertThat(count("""
                select count(*) from application_status_change c join merchant_application a on a.id = c.application_id
                where a.round_id = :r and c.to_status = 'APPROVED'""", "r", round)).isEqualTo(quota);
        http.get().uri("/api/organiser/rounds/{id}", round).headers(h -> h.setBearerAuth(organiser)).exchange()
                .expectBody().jsonPath("$.quotaLeft").isEqualTo(0).jsonPath("$.approved").isEqualTo(quota);
    }
}
