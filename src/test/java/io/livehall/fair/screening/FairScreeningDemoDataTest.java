package io.livehall.fair.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.livehall.DemoHallTest;
import io.livehall.identity.CreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fairs: Anhui procurement with ~2,000 enterprises, the Fujian roadshow, the closed-door chain fair. */
class FairScreeningDemoDataTest extends DemoHallTest {

    static final String FUJIAN = "福建省中小企业线上投融资路演";
    static final String CHAIN = "皖北汽车产业链链主闭门对接会";

    @Autowired
    FairScreeningDemoData demo;

    private Map<String, Long> statuses(String title) {
        return db.sql("""
                        select p.status, count(*) as n from fair_participant p join fair f on f.id = p.fair_id
                         where f.title = :title group by p.status""")
                .bind("title", title)
                .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class))).all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)).block();
    }

    @Test
    void theDemoFairsHaveTheirEnterprisesAndSeedingTwiceAddsNothing() {
        await().atMost(Duration.ofSeconds(90)).until(() -> statuses(CHAIN).getOrDefault("APPROVED", 0L) > 0);

        Map<String, Long> anhui = statuses(FairScreeningDemoData.ANHUI);
        assertThat(anhui.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2002);
        assertThat(anhui.get("APPROVED")).isBetween(1700L, 1800L);
        assertThat(anhui).containsKeys("PENDING", "NEEDS_INFO");
        List<String> codes = db.sql("select credit_code from enterprise e join app_user u on u.enterprise_id = e.id"
                        + " where u.username like 'ah-%' or u.username like 'fj-%'")
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(codes).hasSize(2054).allMatch(CreditCode::isValid).doesNotHaveDuplicates();
        assertThat(db.sql("select count(distinct e.industry) from enterprise e join app_user u on u.enterprise_id = e.id"
                + " where u.username like 'ah-%'").map(row -> row.get(0, Long.class)).one().block()).isEqualTo(16);
        assertThat(db.sql("""
                        select p.role || '|' || p.status from fair_participant p join fair f on f.id = p.fair_id
                          join app_user u on u.enterprise_id = p.enterprise_id
                         where f.title = :title and u.username in ('merchant', 'viewer') order by u.username""")
                .bind("title", FairScreeningDemoData.ANHUI).map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("SUPPLIER|APPROVED", "BUYER|APPROVED");

        assertThat(statuses(FUJIAN)).isEqualTo(Map.of("APPROVED", 54L));
        assertThat(db.sql("""
                        select count(*) filter (where p.role = 'PROJECT') || '|' || count(*) filter (where e.name like '%银行%'
                               or e.name like '%信用社%') from fair_participant p join fair f on f.id = p.fair_id
                          join enterprise e on e.id = p.enterprise_id where f.title = :title""")
                .bind("title", FUJIAN).map(row -> row.get(0, String.class)).one().block()).isEqualTo("4|10");
        assertThat(statuses(CHAIN)).isEqualTo(Map.of("APPROVED", 13L));

        long chainId = db.sql("select id from fair where title = :t").bind("t", CHAIN).map(row -> row.get(0, Long.class)).one().block();
        http.get().uri("/api/fairs/" + chainId).exchange().expectStatus().isNotFound();
        assertThat(publicProcurementTitlesInAnhui()).contains(FairScreeningDemoData.ANHUI);

        assertThat(demo.seed().block()).as("seeded again").isFalse();
        assertThat(statuses(FUJIAN)).isEqualTo(Map.of("APPROVED", 54L));
    }

    /** Every page of the public list (other tests' fairs share the database and may come first). */
    private List<String> publicProcurementTitlesInAnhui() {
        List<String> titles = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            String uri = "/api/fairs?kind=PROCUREMENT&region=安徽省&limit=50" + (after == null ? "" : "&after=" + after);
            Map<?, ?> body = http.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            ((List<?>) body.get("items")).forEach(item -> titles.add(String.valueOf(((Map<?, ?>) item).get("title"))));
            after = (String) body.get("next");
            if (after == null) {
                break;
            }
        }
        return titles;
    }
}
