package io.livehall.fair.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
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

/**
 * Invitations made out to one enterprise each: a typed name and contact, or a known enterprise; a token of its own
 * shown once, usable once until it expires; the organisers see who opened and who registered, and revoke one. A
 * revoked or expired link says so; bad input is refused field by field.
 */
class NamedInvitationsApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    FairFixtures fx;
    Account organiser;
    long fair;
    String base;

    @BeforeEach
    void fixtures() {
        fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        base = "/api/organiser/fairs/" + fair + "/invitations";
    }

    @Test
    void aNamedInvitationIsOpenedUsedOnceAndTheOrganisersSeeWhoRegistered() {
        Instant before = Instant.now();
        Map<?, ?> created = send("POST", base + "/named", organiser.token(), Map.of("inviteeName", " 芜湖链主汽车有限公司 ",
                "contactPhone", "13912345678", "contactEmail", "buy@chain.example.cn")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) created.get("token");
        assertThat((String) created.get("path")).isEqualTo("/fairs/" + fair + "/register?invite=" + token);
        Map<?, ?> invitation = (Map<?, ?>) created.get("invitation");
        assertThat(invitation.get("inviteeName")).isEqualTo("芜湖链主汽车有限公司");
        assertThat(invitation.get("note")).isEqualTo("芜湖链主汽车有限公司");
        assertThat(invitation.get("maxUses")).isEqualTo(1);
        Instant expires = Instant.parse((String) invitation.get("expiresAt"));
        assertThat(Duration.between(before, expires)).isBetween(Duration.ofDays(14).minusMinutes(1), Duration.ofDays(14).plusMinutes(1));
        Map<?, ?> listed = list().get(0);
        assertThat(listed.get("openedAt")).isNull();
        assertThat(listed.get("registered")).isNull();
        assertThat(listed.containsKey("token")).isFalse();

        send("GET", "/api/fair-invitations/" + token, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.note").isEqualTo("芜湖链主汽车有限公司");
        Object opened = list().get(0).get("openedAt");
        assertThat(opened).isNotNull();
        send("GET", "/api/fair-invitations/" + token, null, null).expectStatus().isOk();
        assertThat(list().get(0).get("openedAt")).isEqualTo(opened); // the first opening is kept

        Member invitee = fx.enterprise("芜湖链主汽车有限公司");
        send("POST", registration(), invitee.token(), questionnaire(token)).expectStatus().isOk().expectBody()
                .jsonPath("$.participant.invited").isEqualTo(true);
        Map<?, ?> registered = (Map<?, ?>) list().get(0).get("registered");
        assertThat(registered.get("enterpriseName")).isEqualTo("芜湖链主汽车有限公司");
        assertThat(registered.get("status")).isEqualTo("PENDING");
        send("GET", "/api/fair-invitations/" + token, null, null).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.detail").isEqualTo("该邀请已用于报名");
        send("POST", registration(), fx.enterprise("转发得到链接的企业").token(), questionnaire(token))
                .expectStatus().isEqualTo(410);
    }

    @Test
    void aKnownEnterpriseIsPickedByNameAndOnlyItsPeopleMayUseItsLink() {
        long earlier = fx.fair(organiser.id());
        Member known = fx.enterprise("合肥精铸科技有限公司");
        fx.participant(earlier, known, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        Account otherOrganiser = fx.account("ORGANISER");
        long othersFair = fx.fair(otherOrganiser.id());
        Member stranger = fx.enterprise("合肥别家精铸公司");
        fx.participant(othersFair, stranger, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);

        List<?> found = send("GET", base + "/enterprises?q=精铸", organiser.token(), null).expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(found).extracting(e -> (Object) ((Map<?, ?>) e).get("name")).containsExactly("合肥精铸科技有限公司");
        send("GET", base + "/enterprises?q=精铸", otherOrganiser.token(), null).expectStatus().isNotFound();

        Map<?, ?> created = send("POST", base + "/named", organiser.token(),
                Map.of("enterpriseId", known.enterpriseId(), "validDays", 3)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) created.get("invitation")).get("inviteeName")).isEqualTo("合肥精铸科技有限公司");
        String token = (String) created.get("token");
        send("POST", registration(), fx.enterprise("冒用企业").token(), questionnaire(token)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("该邀请链接是发给「合肥精铸科技有限公司」的，贵企业不能使用");
        send("POST", registration(), known.token(), questionnaire(token)).expectStatus().isOk();

        // an enterprise only another organiser knows is not to be picked
        send("POST", base + "/named", organiser.token(), Map.of("enterpriseId", stranger.enterpriseId())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("enterpriseId");
    }

    @Test
    void aRevokedOrExpiredLinkSaysSoAndTheSharedLinkKeepsWorking() {
        String revoked = token(send("POST", base + "/named", organiser.token(),
                Map.of("inviteeName", "撤销企业", "contactEmail", "a@b.cn")));
        String expired = token(send("POST", base + "/named", organiser.token(),
                Map.of("inviteeName", "过期企业", "contactPhone", "13812345678", "validDays", 1)));
        String shared = token(send("POST", base, organiser.token(), Map.of("note", "协会转发", "maxUses", 5)));
        long revokedId = ((Number) list().stream().filter(i -> "撤销企业".equals(i.get("inviteeName"))).findFirst()
                .orElseThrow().get("id")).longValue();
        send("DELETE", base + "/" + revokedId, organiser.token(), null).expectStatus().isOk();
        db.sql("update fair_invitation set expires_at = now() - interval '1 minute' where invitee_name = '过期企业'")
                .fetch().rowsUpdated().block();

        send("GET", "/api/fair-invitations/" + revoked, null, null).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.detail").isEqualTo("邀请链接已被主办方撤销");
        send("GET", "/api/fair-invitations/" + expired, null, null).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.detail").isEqualTo("邀请链接已过期，请联系主办方重新邀请")
                .jsonPath("$.title").exists();
        send("POST", registration(), fx.enterprise("过期企业").token(), questionnaire(expired)).expectStatus().isEqualTo(410);
        send("GET", "/api/fair-invitations/" + shared, null, null).expectStatus().isOk();
        send("POST", registration(), fx.enterprise("协会会员企业").token(), questionnaire(shared)).expectStatus().isOk();
        assertThat(list()).filteredOn(i -> "协会转发".equals(i.get("note"))).singleElement()
                .satisfies(i -> assertThat(i.get("used")).isEqualTo(1)).satisfies(i -> assertThat(i.get("registered")).isNull());
    }

    @Test
    void badInputIsRefusedFieldByFieldInChinese() {
        field(Map.of("inviteeName", "含\u0000字符", "contactPhone", "13812345678"), "inviteeName");
        field(Map.of("inviteeName", "长".repeat(101), "contactPhone", "13812345678"), "inviteeName");
        field(Map.of("inviteeName", "某企业", "contactPhone", "1381234"), "contactPhone");
        field(Map.of("inviteeName", "某企业", "contactPhone", "1381234567\u0000"), "contactPhone");
        field(Map.of("inviteeName", "某企业", "contactEmail", "not-an-email"), "contactEmail");
        field(Map.of("inviteeName", "某企业", "contactEmail", "a".repeat(96) + "@b.cn"), "contactEmail");
        field(Map.of("inviteeName", "某企业", "contactPhone", "13812345678", "validDays", 0), "validDays");
        field(Map.of("inviteeName", "某企业", "contactPhone", "13812345678", "validDays", 61), "validDays");
        field(Map.of("contactPhone", "13812345678"), "inviteeName");
        field(Map.of("inviteeName", "某企业"), "contactPhone");
        field(Map.of("enterpriseId", -1), "enterpriseId");
        send("POST", base + "/named", organiser.token(), "{\"enterpriseId\":99999999999999999999}")
                .expectStatus().isBadRequest();
        send("POST", base + "/named", organiser.token(), "{\"inviteeName\":\"某企业\",\"contactPhone\":\"13812345678\",\"validDays\":99999999999}")
                .expectStatus().isBadRequest();
        // another organiser's fair, or one that is not there
        Account otherOrganiser = fx.account("ORGANISER");
        send("POST", base + "/named", otherOrganiser.token(), Map.of("inviteeName", "某企业", "contactPhone", "13812345678"))
                .expectStatus().isNotFound();
        send("POST", "/api/organiser/fairs/99999999/invitations/named", organiser.token(),
                Map.of("inviteeName", "某企业", "contactPhone", "13812345678")).expectStatus().isNotFound();
        send("GET", base, otherOrganiser.token(), null).expectStatus().isNotFound();
        send("POST", base + "/named", fx.enterprise("普通企业").token(), Map.of("inviteeName", "某企业", "contactPhone",
                "13812345678")).expectStatus().isForbidden();
        // the search of known enterprises
        send("GET", base + "/enterprises?q=", organiser.token(), null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("q");
        send("GET", base + "/enterprises?q=" + "长".repeat(51), organiser.token(), null).expectStatus().isBadRequest();
        http.get().uri(b -> b.path(base + "/enterprises").queryParam("q", "a\u0000b").build())
                .headers(h -> h.setBearerAuth(organiser.token())).exchange().expectStatus().isBadRequest();
        assertThat(list()).isEmpty();
    }

    private void field(Map<String, Object> body, String field) {
        send("POST", base + "/named", organiser.token(), body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).matches(".*\\p{IsHan}.*"))
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("Request", "Exception"));
    }

    private static String token(WebTestClient.ResponseSpec created) {
        return (String) created.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    private List<Map<?, ?>> list() {
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> all = send("GET", base, organiser.token(), null).expectStatus().isOk().expectBody(List.class)
                .returnResult().getResponseBody();
        return all;
    }

    private Map<String, Object> questionnaire(String token) {
        Map<String, Object> body = new HashMap<>(FairScreeningApiTest.questionnaire("BUYER"));
        body.put("invitation", token);
        return body;
    }

    private String registration() {
        return "/api/fairs/" + fair + "/registration";
    }

    private WebTestClient.ResponseSpec send(String method, String uri, String token, Object body) {
        var request = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
