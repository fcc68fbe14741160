package io.livehall.fair.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ListingSide;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The quarterly 供需目录: publishing, what it holds, that it never changes, who reads it, CSV and PDF, bad input. */
class DirectoryApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    FairFixtures fx;
    Account organiser;
    long fair;
    Member supplier;
    long diecast;
    long brakes;
    int year;
    int quarter;

    @BeforeEach
    void hall() {
        fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        supplier = fx.enterprise("合肥精铸汽车零部件有限公司");
        Member pending = fx.enterprise("待审核企业");
        fx.participant(fair, supplier, ParticipantRole.BOTH, ParticipantStatus.APPROVED);
        fx.participant(fair, pending, ParticipantRole.BUYER, ParticipantStatus.PENDING);
        diecast = fx.listing(supplier, ListingSide.SUPPLY, "铝合金压铸件", "新能源汽车壳体压铸", "C367", "安徽省合肥市",
                List.of("压铸", "壳体"));
        brakes = fx.listing(supplier, ListingSide.DEMAND, "采购制动盘原料", "灰铸铁", "C33", "安徽省合肥市", List.of("铸铁"));
        fx.listing(pending, ListingSide.DEMAND, "待审核企业的需求", "", "C36", "安徽省合肥市", List.of());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        year = today.getYear();
        quarter = (today.getMonthValue() - 1) / 3 + 1;
    }

    WebTestClient.ResponseSpec send(String method, String token, String uri, Object body) {
        var spec = http.method(HttpMethod.valueOf(method)).uri(uri);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    long publish(Account who, Long fairId, int y, int q) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("year", y, "quarter", q));
        body.put("fairId", fairId);
        return ((Number) send("POST", who.token(), "/api/organiser/fair-directories", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    List<String> titles(long directory, String token) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) send("GET", token,
                "/api/fair-directories/" + directory + "/entries", null).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("items");
        return items.stream().map(m -> (String) m.get("title")).toList();
    }

    @Test
    void aPublishedDirectoryHoldsTheApprovedListingsOfThePeriodAndNeverChanges() {
        long id = publish(organiser, fair, year, quarter);
        String[] names = {"一", "二", "三", "四"};
        send("GET", null, "/api/fair-directories/" + id, null).expectStatus().isOk().expectBody()
                .jsonPath("$.entryCount").isEqualTo(2)
                .jsonPath("$.fairId").isEqualTo(fair)
                .jsonPath("$.periodLabel").isEqualTo(year + "年第" + names[quarter - 1] + "季度")
                .jsonPath("$.title").value(t -> assertThat((String) t).contains("供需目录"));
        assertThat(titles(id, null)).containsExactly("铝合金压铸件", "采购制动盘原料"); // supply first

        // later edits, withdrawals and new listings leave the published directory as it was
        db.sql("update fair_listing set title = '改过的标题' where id = :id").bind("id", diecast).fetch().rowsUpdated().block();
        db.sql("update fair_listing set status = 'WITHDRAWN' where id = :id").bind("id", brakes).fetch().rowsUpdated().block();
        fx.listing(supplier, ListingSide.SUPPLY, "新发布的供给", "", "C367", "安徽省合肥市", List.of());
        assertThat(titles(id, null)).containsExactly("铝合金压铸件", "采购制动盘原料");
        // and the database refuses to change it
        assertThatThrownBy(() -> db.sql("update fair_directory_entry set title = 'x' where directory_id = :d")
                .bind("d", id).fetch().rowsUpdated().block()).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> db.sql("update fair_directory set entry_count = 0 where id = :d")
                .bind("d", id).fetch().rowsUpdated().block()).hasMessageContaining("cannot be changed");

        // a new directory of the same period shows the listings as they are now
        long again = publish(organiser, fair, year, quarter);
        assertThat(titles(again, organiser.token())).containsExactly("改过的标题", "新发布的供给");

        send("GET", organiser.token(), "/api/organiser/fair-directories?fairId=" + fair, null).expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of((int) again, (int) id));
    }

    @Test
    void onlyTheFairsOrganisersPublishAndListIt() {
        Account other = fx.account("ORGANISER");
        Map<String, Object> body = Map.of("fairId", fair, "year", year, "quarter", quarter);
        send("POST", other.token(), "/api/organiser/fair-directories", body).expectStatus().isNotFound();
        send("GET", other.token(), "/api/organiser/fair-directories?fairId=" + fair, null).expectStatus().isNotFound();
        send("POST", supplier.token(), "/api/organiser/fair-directories", body).expectStatus().isForbidden();
        send("POST", null, "/api/organiser/fair-directories", body).expectStatus().isUnauthorized();
        // an organiser of no published public fair has nothing to compile
        send("POST", other.token(), "/api/organiser/fair-directories", Map.of("year", year, "quarter", quarter))
                .expectStatus().isEqualTo(409);
        send("GET", null, "/api/fair-directories/99999999", null).expectStatus().isNotFound();
    }

    @Test
    void thePeriodDecidesWhichListingsAreIn() {
        // a listing that expired before the quarter began is out
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        db.sql("""
                        update fair_listing set created_at = cast(:start as date) - interval '40 days',
                               valid_until = cast(:start as date) - interval '10 days' where id = :id""")
                .bind("start", start).bind("id", brakes).fetch().rowsUpdated().block();
        assertThat(titles(publish(organiser, fair, year, quarter), null)).containsExactly("铝合金压铸件");
        // a past quarter holds nothing created since; the expired one was valid then
        int pastYear = quarter == 1 ? year - 1 : year;
        int pastQuarter = quarter == 1 ? 4 : quarter - 1;
        assertThat(titles(publish(organiser, fair, pastYear, pastQuarter), null)).containsExactly("采购制动盘原料");
    }

    @Test
    void aDirectoryOfAllFairsLeavesOutClosedDoorFairsAndAClosedFairsDirectoryIsNotPublic() {
        long closed = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        Member chainMember = fx.enterprise("链主企业");
        fx.participant(closed, chainMember, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        fx.listing(chainMember, ListingSide.DEMAND, "闭门会的需求", "", "C36", "安徽省合肥市", List.of());

        long all = publish(organiser, null, year, quarter);
        assertThat(titles(all, null)).containsExactly("铝合金压铸件", "采购制动盘原料");
        send("GET", null, "/api/fair-directories/" + all, null).expectStatus().isOk().expectBody()
                .jsonPath("$.fairId").doesNotExist();

        long closedDirectory = publish(organiser, closed, year, quarter);
        send("GET", null, "/api/fair-directories/" + closedDirectory, null).expectStatus().isNotFound();
        send("GET", supplier.token(), "/api/fair-directories/" + closedDirectory + "/directory.csv", null)
                .expectStatus().isNotFound();
        assertThat(titles(closedDirectory, chainMember.token())).containsExactly("闭门会的需求");
        assertThat(titles(closedDirectory, organiser.token())).containsExactly("闭门会的需求");
    }

    @Test
    void csvAndPdfHoldEveryEntry() throws IOException {
        db.sql("update fair_listing set amount_min_fen = 10000000, amount_max_fen = 50000000, quantity = '5 万件' where id = :id")
                .bind("id", diecast).fetch().rowsUpdated().block();
        long id = publish(organiser, fair, year, quarter);

        byte[] csv = send("GET", null, "/api/fair-directories/" + id + "/directory.csv", null).expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8").expectBody(byte[].class).returnResult().getResponseBody();
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF序号,供/需,标题,企业");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("1,供给,铝合金压铸件,合肥精铸汽车零部件有限公司,C367,汽车零部件及配件制造,压铸、壳体,安徽省合肥市,5 万件,100000.00,500000.00,");
        assertThat(lines[2]).startsWith("2,需求,采购制动盘原料,");

        byte[] pdf = send("GET", null, "/api/fair-directories/" + id + "/directory.pdf", null).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("供需目录").contains("共 2 条：供给 1 条，需求 1 条")
                    .contains("【供】铝合金压铸件 — 合肥精铸汽车零部件有限公司")
                    .contains("汽车零部件及配件制造 · 安徽省合肥市 · 数量 5 万件 · 金额 10 万元–50 万元")
                    .contains("关键词：压铸、壳体").contains("【需】采购制动盘原料");
        }
    }

    @Test
    void badInputIsRefusedWithFieldErrors() {
        Object[][] cases = {
                {Map.of("year", year, "quarter", 5), "quarter"}, {Map.of("year", year, "quarter", 0), "quarter"},
                {Map.of("year", 1999, "quarter", 1), "year"}, {Map.of("quarter", 1), "year"}, {Map.of("year", year), "quarter"},
                {Map.of("fairId", -1, "year", year, "quarter", 1), "fairId"},
        };
        for (Object[] c : cases) {
            send("POST", organiser.token(), "/api/organiser/fair-directories", c[0]).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(c[1]);
        }
        send("POST", organiser.token(), "/api/organiser/fair-directories",
                "{\"fairId\":99999999999999999999,\"year\":2026,\"quarter\":1}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fairId");
        send("GET", null, "/api/fair-directories/1/entries?after=x", null).expectStatus().isBadRequest();
    }
}
