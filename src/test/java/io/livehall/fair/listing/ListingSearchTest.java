package io.livehall.fair.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.ListingSide;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A fair's listings: ?q= of one, two and more characters, the filters, keyset paging, bad parameters. */
class ListingSearchTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    FairFixtures fx;
    Account organiser;
    long fair;
    long diecast;
    long brakes;
    long pcb;
    long tea;

    @BeforeEach
    void hall() {
        fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        Member parts = fx.enterprise("合肥精铸");
        Member electronics = fx.enterprise("芜湖电子");
        Member buyer = fx.enterprise("瑞丰汽车");
        for (Member m : List.of(parts, electronics, buyer)) {
            fx.participant(fair, m, ParticipantRole.BOTH, ParticipantStatus.APPROVED);
        }
        diecast = fx.listing(parts, ListingSide.SUPPLY, "铝合金压铸件", "新能源汽车壳体压铸", "C367", "安徽省合肥市",
                List.of("压铸", "壳体"));
        brakes = fx.listing(buyer, ListingSide.DEMAND, "采购制动盘", "年需求 20 万只", "C36", "安徽省合肥市", List.of("制动盘"));
        pcb = fx.listing(electronics, ListingSide.SUPPLY, "PCB 贴片加工", "SMT 贴片电容", "C398", "安徽省芜湖市", List.of("PCB"));
        tea = fx.listing(buyer, ListingSide.DEMAND, "黄山毛峰礼盒", "企业年节礼品", "C153", "安徽省黄山市", List.of("茶叶"));
        amounts(diecast, 10_000_000L, 50_000_000L); // 10–50 万元
        amounts(brakes, 60_000_000L, null);          // 60 万元起
        amounts(pcb, null, 5_000_000L);              // 至多 5 万元
    }

    void amounts(long id, Long min, Long max) {
        var spec = db.sql("update fair_listing set amount_min_fen = :min, amount_max_fen = :max where id = :id").bind("id", id);
        spec = min == null ? spec.bindNull("min", Long.class) : spec.bind("min", min);
        spec = max == null ? spec.bindNull("max", Long.class) : spec.bind("max", max);
        spec.fetch().rowsUpdated().block();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> page(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            int cut = pair.indexOf('=');
            if (cut < 0) {
                continue;
            }
            encoded.append(encoded.isEmpty() ? "" : "&").append(pair, 0, cut + 1)
                    .append(java.net.URLEncoder.encode(pair.substring(cut + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/fairs/" + fair + "/listings?" + encoded))
                .header("Authorization", "Bearer " + organiser.token()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    List<Long> ids(String query) {
        return ((List<Map<String, Object>>) page(query).get("items")).stream()
                .map(m -> ((Number) m.get("id")).longValue()).toList();
    }

    @Test
    void searchFindsOneTwoAndMoreCharactersInTitleDescriptionAndKeywords() {
        assertThat(ids("q=盘")).containsExactly(brakes);
        assertThat(ids("q=压铸")).containsExactly(diecast);
        assertThat(ids("q=pcb")).containsExactly(pcb);                // any case
        assertThat(ids("q=贴片电容")).containsExactly(pcb);            // description
        assertThat(ids("q=壳体")).containsExactly(diecast);            // description and keywords
        assertThat(ids("q=茶叶")).containsExactly(tea);                // keywords only
        assertThat(ids("q=新能源汽车")).containsExactly(diecast);
        assertThat(ids("q=100%")).isEmpty();                          // a literal %, not a wildcard
        assertThat(ids("q=")).containsExactly(tea, pcb, brakes, diecast);
    }

    @Test
    void filtersNarrowBySideCategoryWithItsChildrenRegionAndAmountOverlap() {
        assertThat(ids("side=DEMAND")).containsExactly(tea, brakes);
        assertThat(ids("category=C36")).containsExactly(brakes, diecast);  // C36 and its group C367
        assertThat(ids("category=C367")).containsExactly(diecast);
        assertThat(ids("category=C")).containsExactly(tea, pcb, brakes, diecast);
        assertThat(ids("region=合肥")).containsExactly(brakes, diecast);
        // 20–40 万元 overlaps 10–50 万元 only; 55–70 万元 the open-ended 60 万元起; up to 8 万元 the PCB and nothing else
        assertThat(ids("amountMin=20000000&amountMax=40000000")).containsExactly(diecast);
        assertThat(ids("amountMin=55000000&amountMax=70000000")).containsExactly(brakes);
        assertThat(ids("amountMax=8000000")).containsExactly(pcb);
        assertThat(ids("side=SUPPLY&category=C36&q=壳体&region=合肥市")).containsExactly(diecast);
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = page("limit=1" + (after == null ? "" : "&after=" + after));
            ((List<Map<String, Object>>) (List<?>) p.get("items")).forEach(m -> seen.add(((Number) m.get("id")).longValue()));
            after = (String) p.get("next");
            pages++;
        } while (after != null && pages < 10);
        assertThat(seen).containsExactly(tea, pcb, brakes, diecast);
    }

    @Test
    void badParametersAnswer400NamingThem() {
        String[][] cases = {
                {"q=" + "%E9%95%BF".repeat(51), "q"}, {"q=a%00b", "q"}, {"side=BOTH", "side"}, {"category=Z99", "category"},
                {"region=" + "%E9%95%BF".repeat(61), "region"}, {"amountMin=-1", "amountMin"},
                {"amountMin=9&amountMax=3", "amountMax"}, {"amountMin=99999999999999999999", "amountMin"},
        };
        for (String[] c : cases) {
            http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/fairs/" + fair + "/listings?" + c[0]))
                    .header("Authorization", "Bearer " + organiser.token()).exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo(c[1]);
        }
        http.get().uri("/api/fairs/" + fair + "/listings?after=x").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.type")
                .isEqualTo("https://livehall.io/problems/bad-cursor");
    }
}
