package io.livehall.fair.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The organisers' fairs: create, edit, agenda, co-organisers, publish, cancel, the public list, who sees what. */
class FairEditingApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    FairFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new FairFixtures(db, context);
    }

    Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    Map<String, Object> fair(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "PROCUREMENT");
        body.put("mode", "HYBRID");
        body.put("visibility", "PUBLIC");
        body.put("startsAt", inDays(10).toString());
        body.put("endsAt", inDays(11).toString());
        body.put("region", "安徽省合肥市");
        body.put("venue", "合肥滨湖国际会展中心");
        body.put("summary", "采购对接");
        body.put("capacity", 200);
        body.put("agenda", List.of(Map.of("startsAt", inDays(10).toString(), "title", "开幕式", "place", "一号厅")));
        return body;
    }

    WebTestClient.ResponseSpec send(String method, String uri, String token, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    long create(Account organiser, Map<String, Object> body) {
        Map<?, ?> created = send("POST", "/api/organiser/fairs", organiser.token(), body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) created.get("fair")).get("id")).longValue();
    }

    @Test
    void anOrganiserCreatesADraftEditsItPublishesItAndCancelsIt() {
        Account organiser = fx.account("ORGANISER");
        long id = create(organiser, fair("合肥采购对接会"));

        send("GET", "/api/organiser/fairs/" + id, organiser.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.fair.status").isEqualTo("DRAFT")
                .jsonPath("$.agenda[0].title").isEqualTo("开幕式")
                .jsonPath("$.organisers[0].creator").isEqualTo(true)
                .jsonPath("$.runs").isEqualTo(true);
        // a draft is nobody else's business
        send("GET", "/api/fairs/" + id, null, null).expectStatus().isNotFound();

        Map<String, Object> edited = fair("合肥采购对接会（第二期）");
        edited.put("agenda", List.of(
                Map.of("startsAt", inDays(10).toString(), "title", "开幕式"),
                Map.of("startsAt", inDays(10).plus(2, ChronoUnit.HOURS).toString(), "title", "供需对接", "speaker", "王主任")));
        send("PUT", "/api/organiser/fairs/" + id, organiser.token(), edited).expectStatus().isOk().expectBody()
                .jsonPath("$.fair.title").isEqualTo("合肥采购对接会（第二期）")
                .jsonPath("$.agenda.length()").isEqualTo(2)
                .jsonPath("$.agenda[1].speaker").isEqualTo("王主任");

        send("POST", "/api/organiser/fairs/" + id + "/publish", organiser.token(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.fair.status").isEqualTo("PUBLISHED").jsonPath("$.registrationOpen").isEqualTo(true);
        send("POST", "/api/organiser/fairs/" + id + "/publish", organiser.token(), null).expectStatus().isEqualTo(409);
        send("GET", "/api/fairs/" + id, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.fair.title").isEqualTo("合肥采购对接会（第二期）").jsonPath("$.runs").isEqualTo(false)
                .jsonPath("$.mine").doesNotExist();

        var member = fx.enterprise("已报名企业");
        long participant = fx.participant(id, member, io.livehall.fair.ParticipantRole.BUYER,
                io.livehall.fair.ParticipantStatus.PENDING);
        send("POST", "/api/organiser/fairs/" + id + "/cancel", organiser.token(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.fair.status").isEqualTo("CANCELLED").jsonPath("$.registrationOpen").isEqualTo(false);
        send("POST", "/api/organiser/fairs/" + id + "/cancel", organiser.token(), null).expectStatus().isEqualTo(409);
        send("PUT", "/api/organiser/fairs/" + id, organiser.token(), edited).expectStatus().isEqualTo(409);
        assertThat(notifications(member.userId())).contains("对接会已取消：「合肥采购对接会（第二期）」");
        assertThat(participant).isPositive();
    }

    @Test
    void coOrganisersRunTheFairAndOtherOrganisersGet404() {
        Account organiser = fx.account("ORGANISER");
        Account co = fx.account("ORGANISER");
        Account other = fx.account("ORGANISER");
        Account viewer = fx.account("VIEWER");
        long id = create(organiser, fair("协办测试"));
        String coName = username(co.id());

        send("POST", "/api/organiser/fairs/" + id + "/organisers", organiser.token(), Map.of("username", username(viewer.id())))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
        send("POST", "/api/organiser/fairs/" + id + "/organisers", organiser.token(), Map.of("username", coName.toUpperCase()))
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[1].userId").isEqualTo(co.id());
        send("POST", "/api/organiser/fairs/" + id + "/organisers", organiser.token(), Map.of("username", coName))
                .expectStatus().isEqualTo(409);
        send("POST", "/api/organiser/fairs/" + id + "/organisers", organiser.token(), Map.of("username", username(organiser.id())))
                .expectStatus().isEqualTo(409);
        send("GET", "/api/organiser/fairs/" + id, co.token(), null).expectStatus().isOk();
        send("GET", "/api/organiser/fairs", co.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(id);

        for (String path : List.of("", "/invitations", "/participants", "/screening", "/participants.csv")) {
            send("GET", "/api/organiser/fairs/" + id + path, other.token(), null).expectStatus().isNotFound();
        }
        send("PUT", "/api/organiser/fairs/" + id, other.token(), fair("抢改")).expectStatus().isNotFound();
        send("POST", "/api/organiser/fairs/" + id + "/publish", other.token(), null).expectStatus().isNotFound();
        send("POST", "/api/organiser/fairs/" + id + "/cancel", other.token(), null).expectStatus().isNotFound();
        send("POST", "/api/organiser/fairs/" + id + "/organisers", other.token(), Map.of("username", coName)).expectStatus().isNotFound();
        send("POST", "/api/organiser/fairs/" + id + "/invitations", other.token(), Map.of("note", "x")).expectStatus().isNotFound();
        send("GET", "/api/organiser/fairs", other.token(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == %d)]".formatted(id)).doesNotExist();
        send("GET", "/api/organiser/fairs", viewer.token(), null).expectStatus().isForbidden();

        send("DELETE", "/api/organiser/fairs/" + id + "/organisers/" + co.id(), organiser.token(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
        send("GET", "/api/organiser/fairs/" + id, co.token(), null).expectStatus().isNotFound();
        send("DELETE", "/api/organiser/fairs/" + id + "/organisers/" + co.id(), organiser.token(), null).expectStatus().isNotFound();
    }

    @Test
    void badFairsAreRefusedFieldByField() {
        Account organiser = fx.account("ORGANISER");
        Map<String, Object> bad = fair("x".repeat(101));
        bad.put("endsAt", inDays(9).toString());
        bad.put("mode", "OFFLINE");
        bad.put("venue", " ");
        bad.put("capacity", 100001);
        bad.put("coverFileId", 999_999_999);
        bad.put("agenda", List.of(Map.of("startsAt", inDays(20).toString(), "title", "会后活动")));
        send("POST", "/api/organiser/fairs", organiser.token(), bad).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'capacity')]").exists();
        bad.put("title", "正常名称");
        bad.put("capacity", 10);
        send("POST", "/api/organiser/fairs", organiser.token(), bad).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'endsAt')]").exists()
                .jsonPath("$.errors[?(@.field == 'venue')]").exists()
                .jsonPath("$.errors[?(@.field == 'coverFileId')]").exists()
                .jsonPath("$.errors[?(@.field == 'agenda[0].startsAt')]").exists();

        Map<String, Object> past = fair("过去的会");
        past.put("startsAt", inDays(-3).toString());
        past.put("endsAt", inDays(-2).toString());
        send("POST", "/api/organiser/fairs", organiser.token(), past).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("startsAt");
        Map<String, Object> overflow = fair("溢出");
        overflow.put("capacity", 99999999999L);
        send("POST", "/api/organiser/fairs", organiser.token(), overflow).expectStatus().isBadRequest();
        Map<String, Object> badKind = fair("未知类型");
        badKind.put("kind", "PARTY");
        send("POST", "/api/organiser/fairs", organiser.token(), badKind).expectStatus().isBadRequest();
        Map<String, Object> tooLong = fair("太长");
        tooLong.put("endsAt", inDays(60).toString());
        send("POST", "/api/organiser/fairs", organiser.token(), tooLong).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("endsAt");
        Map<String, Object> online = fair("线上会");
        online.put("mode", "ONLINE");
        online.remove("venue");
        create(organiser, online);

        // capacity below the approvals so far
        long id = create(organiser, fair("名额测试"));
        var member = fx.enterprise("已通过企业甲");
        fx.participant(id, member, io.livehall.fair.ParticipantRole.BUYER, io.livehall.fair.ParticipantStatus.APPROVED);
        fx.participant(id, fx.enterprise("已通过企业乙"), io.livehall.fair.ParticipantRole.BUYER,
                io.livehall.fair.ParticipantStatus.APPROVED);
        Map<String, Object> smaller = fair("名额测试");
        smaller.put("capacity", 1);
        smaller.put("kind", "ROADSHOW");
        send("PUT", "/api/organiser/fairs/" + id, organiser.token(), smaller).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'capacity')]").exists()
                .jsonPath("$.errors[?(@.field == 'kind')]").exists();
    }

    @Test
    void everyFieldRefusesWhatItMustNotHold() {
        Account organiser = fx.account("ORGANISER");
        long id = create(organiser, fair("字段测试"));
        Map<String, Object> cases = new java.util.LinkedHashMap<>();
        cases.put("title", " ");
        cases.put("region", "区".repeat(61));
        cases.put("venue", "场".repeat(201));
        cases.put("summary", "介".repeat(4001));
        cases.put("capacity", -5);
        cases.put("coverFileId", -1);
        cases.put("kind", null);
        cases.put("mode", null);
        cases.put("visibility", "SECRET");
        cases.put("startsAt", "tomorrow");
        cases.put("agenda", java.util.Collections.nCopies(51, Map.of("startsAt", inDays(10).toString(), "title", "项")));
        for (var c : cases.entrySet()) {
            Map<String, Object> body = fair("字段测试");
            body.put(c.getKey(), c.getValue());
            var result = send("POST", "/api/organiser/fairs", organiser.token(), body).expectStatus().isBadRequest();
            if (!List.of("visibility", "startsAt").contains(c.getKey())) { // an unreadable value: 400 without a field name
                result.expectBody().jsonPath("$.errors[?(@.field == '%s')]".formatted(c.getKey())).exists();
            }
        }
        for (Map<String, Object> item : List.<Map<String, Object>>of(Map.of("startsAt", inDays(10).toString(), "title", ""),
                Map.of("startsAt", inDays(10).toString(), "title", "项", "place", "地".repeat(101)),
                Map.of("startsAt", inDays(10).toString(), "endsAt", inDays(10).toString(), "title", "项"))) {
            Map<String, Object> body = fair("议程测试");
            body.put("agenda", List.of(item));
            send("PUT", "/api/organiser/fairs/" + id, organiser.token(), body).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").value(f -> assertThat((String) f).startsWith("agenda[0]."));
        }
        send("POST", "/api/organiser/fairs/" + id + "/invitations", organiser.token(), Map.of("note", "邀".repeat(101)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        send("POST", "/api/organiser/fairs/" + id + "/invitations", organiser.token(), Map.of("note", "x", "maxUses", 10001))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("maxUses");
        send("POST", "/api/organiser/fairs/" + id + "/organisers", organiser.token(), Map.of("username", "u".repeat(33)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
        send("POST", "/api/organiser/fair-participants/1/reject", organiser.token(), Map.of("reason", "因".repeat(501)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        send("GET", "/api/organiser/fairs/" + id + "/participants?q=" + "企".repeat(51), organiser.token(), null)
                .expectStatus().isBadRequest();
        send("GET", "/api/organiser/fairs/" + id + "/participants?after=x", organiser.token(), null).expectStatus().isBadRequest();
        send("GET", "/api/organiser/fairs/" + Long.MAX_VALUE, organiser.token(), null).expectStatus().isNotFound();
        send("GET", "/api/organiser/fairs/99999999999999999999", organiser.token(), null).expectStatus().isBadRequest();
    }

    @Test
    void thePublicListShowsPublishedPublicFairsWithFiltersAndKeysetPages() {
        Account organiser = fx.account("ORGANISER");
        String region = "测试省" + uniqueName("r").substring(2, 8);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = fair("公开会" + i);
            body.put("region", region + "某市");
            body.put("startsAt", inDays(10 + i).toString());
            body.put("endsAt", inDays(11 + i).toString());
            body.remove("agenda");
            long id = create(organiser, body);
            send("POST", "/api/organiser/fairs/" + id + "/publish", organiser.token(), null).expectStatus().isOk();
            ids.add(id);
        }
        Map<String, Object> closed = fair("闭门会");
        closed.put("region", region + "某市");
        closed.put("visibility", "CLOSED");
        long closedId = create(organiser, closed);
        send("POST", "/api/organiser/fairs/" + closedId + "/publish", organiser.token(), null).expectStatus().isOk();
        Map<String, Object> draft = fair("草稿会");
        draft.put("region", region + "某市");
        create(organiser, draft);
        Map<String, Object> roadshow = fair("路演会");
        roadshow.put("region", region + "某市");
        roadshow.put("kind", "ROADSHOW");
        long roadshowId = create(organiser, roadshow);
        send("POST", "/api/organiser/fairs/" + roadshowId + "/publish", organiser.token(), null).expectStatus().isOk();

        var first = send("GET", "/api/fairs?kind=PROCUREMENT&limit=2&region=" + region, null, null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) first.get("items")).stream().map(c -> ((Number) ((Map<?, ?>) c).get("id")).longValue()).toList())
                .containsExactly(ids.get(0), ids.get(1));
        send("GET", "/api/fairs?kind=PROCUREMENT&limit=2&region=" + region + "&after=" + first.get("next"), null, null)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(ids.get(2))
                .jsonPath("$.next").doesNotExist();
        send("GET", "/api/fairs?region=" + region, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(4);
        send("GET", "/api/fairs?when=past&region=" + region, null, null).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        send("GET", "/api/fairs?kind=PARTY", null, null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("kind");
        send("GET", "/api/fairs?when=soon", null, null).expectStatus().isBadRequest();
        send("GET", "/api/fairs?after=nonsense", null, null).expectStatus().isBadRequest();
        send("GET", "/api/fairs?region=" + "长".repeat(61), null, null).expectStatus().isBadRequest();
        // closed-door: invisible to outsiders, also by id
        send("GET", "/api/fairs/" + closedId, null, null).expectStatus().isNotFound();
        send("GET", "/api/fairs/" + closedId, fx.enterprise("局外企业").token(), null).expectStatus().isNotFound();
        send("GET", "/api/fairs/" + closedId, organiser.token(), null).expectStatus().isOk();
    }

    String username(long userId) {
        return db.sql("select username from app_user where id = :id").bind("id", userId)
                .map(row -> row.get(0, String.class)).one().block();
    }

    List<String> notifications(long userId) {
        return db.sql("select title from user_notification where user_id = :u order by id").bind("u", userId)
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
