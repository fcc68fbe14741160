package io.livehall.fair.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.livehall.IntegrationTest;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ListingSide;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/** Listings end to end: an enterprise's CRUD and its rules, who sees a fair's listings, bad input, attachments, KPI. */
class ListingApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    FairActivity activity;
    @Autowired
    FileStorage files;
    @Autowired
    ListingFigures figures;

    FairFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new FairFixtures(db, context);
    }

    static Map<String, Object> listing(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("side", "SUPPLY");
        body.put("title", title);
        body.put("description", "年产 50 万件铝合金压铸件，IATF 16949 认证");
        body.put("category", "C367");
        body.put("keywords", List.of("铝合金压铸", "制动盘"));
        body.put("region", "安徽省合肥市");
        body.put("quantity", "50 万件/年");
        body.put("amountMinFen", 10_000_000L);
        body.put("amountMaxFen", 50_000_000L);
        body.put("validUntil", Instant.now().plus(90, ChronoUnit.DAYS).toString());
        return body;
    }

    WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        var spec = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (body instanceof String json) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
        }
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static long id(WebTestClient.ResponseSpec spec) {
        return ((Number) spec.expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(WebTestClient.ResponseSpec spec) {
        return (List<Map<String, Object>>) spec.expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("items");
    }

    @Test
    void membersCreateEditAndWithdrawTheirEnterprisesListingsAndMatchingHearsOfEach() {
        Member a = fx.enterprise("合肥精铸汽车零部件有限公司");
        Member b = fx.enterprise("芜湖别家电子有限公司");
        List<FairActivity.Change> heard = new CopyOnWriteArrayList<>();
        Disposable listening = activity.changes().subscribe(heard::add);
        try {
            long id = id(send("POST", a.token(), "/api/me/listings", listing("铝合金压铸件供应")).expectStatus().isCreated());
            send("GET", a.token(), "/api/me/listings/" + id, null).expectStatus().isOk().expectBody()
                    .jsonPath("$.title").isEqualTo("铝合金压铸件供应")
                    .jsonPath("$.categoryName").isEqualTo("汽车零部件及配件制造")
                    .jsonPath("$.keywords[1]").isEqualTo("制动盘")
                    .jsonPath("$.enterpriseName").isEqualTo("合肥精铸汽车零部件有限公司")
                    .jsonPath("$.active").isEqualTo(true);
            assertThat(items(send("GET", a.token(), "/api/me/listings", null))).extracting(m -> m.get("id"))
                    .containsExactly((int) id);

            // another enterprise's member: as if it did not exist
            send("GET", b.token(), "/api/me/listings/" + id, null).expectStatus().isNotFound();
            send("PUT", b.token(), "/api/me/listings/" + id, listing("改掉")).expectStatus().isNotFound();
            send("POST", b.token(), "/api/me/listings/" + id + "/withdraw", null).expectStatus().isNotFound();
            assertThat(items(send("GET", b.token(), "/api/me/listings", null))).isEmpty();

            // a colleague of the same enterprise edits it
            var colleague = fx.account("VIEWER");
            db.sql("update app_user set enterprise_id = :e where id = :u").bind("e", a.enterpriseId()).bind("u", colleague.id())
                    .fetch().rowsUpdated().block();
            Map<String, Object> edit = listing("铝合金压铸件、制动盘供应");
            edit.put("keywords", List.of("压铸", " 压铸 ", "线束"));
            edit.put("quantity", " ");
            send("PUT", colleague.token(), "/api/me/listings/" + id, edit).expectStatus().isOk().expectBody()
                    .jsonPath("$.title").isEqualTo("铝合金压铸件、制动盘供应")
                    .jsonPath("$.keywords.length()").isEqualTo(2)
                    .jsonPath("$.quantity").doesNotExist();

            send("POST", a.token(), "/api/me/listings/" + id + "/withdraw", null).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("WITHDRAWN").jsonPath("$.active").isEqualTo(false);
            send("POST", a.token(), "/api/me/listings/" + id + "/withdraw", null).expectStatus().isEqualTo(409);
            send("PUT", a.token(), "/api/me/listings/" + id, listing("再改")).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.detail").isEqualTo("该供需信息已撤回，不能再修改");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard)
                    .filteredOn(c -> c.subjectId() == id)
                    .containsExactly(new FairActivity.Change(0, FairActivity.What.LISTING, id),
                            new FairActivity.Change(0, FairActivity.What.LISTING, id),
                            new FairActivity.Change(0, FairActivity.What.LISTING, id)));
        } finally {
            listening.dispose();
        }
    }

    @Test
    void someoneOfNoEnterpriseCannotPublishAndGuestsAreAskedToLogIn() {
        var loner = fx.account("VIEWER");
        send("POST", loner.token(), "/api/me/listings", listing("无企业")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/enterprise-required");
        send("GET", loner.token(), "/api/me/listings", null).expectStatus().isForbidden();
        send("GET", null, "/api/me/listings", null).expectStatus().isUnauthorized();
        send("POST", null, "/api/me/listings", listing("游客")).expectStatus().isUnauthorized();
    }

    @Test
    void everyFieldIsChecked() {
        Member a = fx.enterprise("校验测试企业");
        long otherFile = files.store(fx.account("VIEWER").id(), FilePurpose.DOCUMENT, "x.pdf", "application/pdf",
                "%PDF-1.4".getBytes()).block().id();
        long video = files.store(a.userId(), FilePurpose.VIDEO, "v.mp4", "video/mp4", new byte[] {0, 0, 0, 0}).block().id();
        Object[][] cases = {
                {"title", "铝\u0000合金"}, {"title", "长".repeat(101)}, {"title", " "}, {"title", null},
                {"description", "描述\u202e"}, {"description", "长".repeat(2001)},
                {"category", "Z99"}, {"category", "C"}, {"category", "C3671"}, {"category", ""},
                {"keywords", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")},
                {"keywords", List.of("长".repeat(21))}, {"keywords", List.of(" ")}, {"keywords", List.of("a\u0000")},
                {"region", ""}, {"region", "长".repeat(61)}, {"region", "合肥\n"},
                {"quantity", "长".repeat(41)},
                {"amountMinFen", -1}, {"amountMaxFen", 1_000_000_000_000_001L},
                {"validUntil", Instant.now().minus(1, ChronoUnit.HOURS).toString()},
                {"validUntil", Instant.now().plus(400, ChronoUnit.DAYS).toString()}, {"validUntil", null},
                {"side", null},
                {"fileIds", List.of(otherFile)}, {"fileIds", List.of(video)}, {"fileIds", List.of(-3)},
                {"fileIds", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)},
        };
        for (Object[] c : cases) {
            Map<String, Object> body = listing("校验");
            body.put((String) c[0], c[1]);
            String field = (String) c[0];
            send("POST", a.token(), "/api/me/listings", body).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).as("%s = %s", field, c[1])
                            .contains(field));
        }
        Map<String, Object> reversed = listing("校验");
        reversed.put("amountMinFen", 500L);
        reversed.put("amountMaxFen", 100L);
        send("POST", a.token(), "/api/me/listings", reversed).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amountMaxFen");
        Map<String, Object> repeated = listing("校验");
        long mine = files.store(a.userId(), FilePurpose.IMAGE, "a.png", "image/png", new byte[] {1}).block().id();
        repeated.put("fileIds", List.of(mine, mine));
        send("POST", a.token(), "/api/me/listings", repeated).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("fileIds[1]");
        // overflow, an unknown side
        String json = "{\"side\":\"SUPPLY\",\"title\":\"溢出\",\"category\":\"C367\",\"region\":\"合肥\","
                + "\"validUntil\":\"" + Instant.now().plus(9, ChronoUnit.DAYS) + "\",\"amountMinFen\":99999999999999999999}";
        send("POST", a.token(), "/api/me/listings", json).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("amountMinFen");
        send("POST", a.token(), "/api/me/listings", json.replace("\"SUPPLY\"", "\"BOTH\"").replace("99999999999999999999", "1"))
                .expectStatus().isBadRequest();
        assertThat(db.sql("select count(*) from fair_listing where enterprise_id = :e").bind("e", a.enterpriseId())
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void aFairsListingsAreForItsOrganisersAndApprovedParticipantsOnly() {
        var organiser = fx.account("ORGANISER");
        var otherOrganiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        Member approved = fx.enterprise("已通过企业");
        Member pending = fx.enterprise("待审核企业");
        Member outsider = fx.enterprise("未报名企业");
        fx.participant(fair, approved, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        fx.participant(fair, pending, ParticipantRole.BUYER, ParticipantStatus.PENDING);
        long shown = fx.listing(approved, ListingSide.SUPPLY, "PCB 贴片加工", "SMT 贴片", "C398", "安徽省芜湖市", List.of("PCB"));
        long withdrawn = fx.listing(approved, ListingSide.SUPPLY, "已撤回", "", "C398", "安徽省芜湖市", List.of());
        long expired = fx.listing(approved, ListingSide.SUPPLY, "已过期", "", "C398", "安徽省芜湖市", List.of());
        fx.listing(pending, ListingSide.DEMAND, "待审核企业的需求", "", "C398", "安徽省合肥市", List.of());
        db.sql("update fair_listing set status = 'WITHDRAWN' where id = :id").bind("id", withdrawn).fetch().rowsUpdated().block();
        db.sql("update fair_listing set valid_until = now() - interval '1 day' where id = :id").bind("id", expired)
                .fetch().rowsUpdated().block();
        String uri = "/api/fairs/" + fair + "/listings";

        assertThat(items(send("GET", organiser.token(), uri, null))).extracting(m -> ((Number) m.get("id")).longValue())
                .containsExactly(shown);
        assertThat(items(send("GET", approved.token(), uri, null))).hasSize(1);
        send("GET", pending.token(), uri, null).expectStatus().isForbidden();
        send("GET", outsider.token(), uri, null).expectStatus().isForbidden();
        send("GET", otherOrganiser.token(), uri, null).expectStatus().isForbidden();
        send("GET", null, uri, null).expectStatus().isUnauthorized();
        send("GET", organiser.token(), "/api/fairs/99999999/listings", null).expectStatus().isNotFound();

        long closed = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        send("GET", outsider.token(), "/api/fairs/" + closed + "/listings", null).expectStatus().isNotFound();
        send("GET", otherOrganiser.token(), "/api/fairs/" + closed + "/listings", null).expectStatus().isNotFound();

        assertListings(figures.figures(fair).block(), 1L);
        fx.listing(approved, ListingSide.DEMAND, "第二条", "", "C36", "安徽省合肥市", List.of());
        assertListings(figures.figures(fair).block(), 2L);
    }

    @Test
    void attachmentsAreDownloadedByThoseWhoSeeTheListing() {
        var organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        Member owner = fx.enterprise("附件企业");
        Member viewer = fx.enterprise("看附件企业");
        Member pending = fx.enterprise("未通过的企业");
        fx.participant(fair, owner, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        fx.participant(fair, viewer, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        fx.participant(fair, pending, ParticipantRole.BUYER, ParticipantStatus.PENDING);
        long doc = files.store(owner.userId(), FilePurpose.DOCUMENT, "资质.pdf", "application/pdf", "%PDF-1.4 x".getBytes())
                .block().id();
        Map<String, Object> body = listing("带附件的供给");
        body.put("fileIds", List.of(doc));
        long id = id(send("POST", owner.token(), "/api/me/listings", body).expectStatus().isCreated());
        String fileUri = "/api/fairs/" + fair + "/listings/" + id + "/files/" + doc;

        send("GET", viewer.token(), "/api/fairs/" + fair + "/listings", null).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].attachments[0].name").isEqualTo("资质.pdf");
        send("GET", viewer.token(), fileUri, null).expectStatus().isOk().expectBody(byte[].class)
                .value(bytes -> assertThat(new String(bytes)).startsWith("%PDF"));
        send("GET", pending.token(), fileUri, null).expectStatus().isForbidden();
        send("GET", viewer.token(), "/api/fairs/" + fair + "/listings/" + id + "/files/" + (doc + 100000), null)
                .expectStatus().isNotFound();
        send("GET", owner.token(), "/api/me/listings/" + id + "/files/" + doc, null).expectStatus().isOk();
        send("GET", viewer.token(), "/api/me/listings/" + id + "/files/" + doc, null).expectStatus().isNotFound();
        // keeping the attachment on edit is allowed for a colleague who did not upload it
        var colleague = fx.account("VIEWER");
        db.sql("update app_user set enterprise_id = :e where id = :u").bind("e", owner.enterpriseId()).bind("u", colleague.id())
                .fetch().rowsUpdated().block();
        send("PUT", colleague.token(), "/api/me/listings/" + id, body).expectStatus().isOk();
    }

    @Test
    void theCategoryPickerHasSectionsDivisionsAndGroups() {
        var someone = fx.account("VIEWER");
        send("GET", someone.token(), "/api/fair-industries", null).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == 'C')].usable").isEqualTo(List.of(false))
                .jsonPath("$[?(@.code == 'C')].children[?(@.code == 'C36')].children[?(@.code == 'C367')].name")
                .isEqualTo(List.of("汽车零部件及配件制造"));
    }

    private static void assertListings(Map<FairFigure, Long> figures, long listings) {
        assertThat(figures).containsExactly(Map.entry(FairFigure.LISTINGS, listings));
    }
}
