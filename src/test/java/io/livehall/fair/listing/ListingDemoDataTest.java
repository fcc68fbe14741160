package io.livehall.fair.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo listings script against a small stand-in of the Anhui demo fair: five listings per enterprise, from its
 * trade, in usable categories, supply and demand overlapping. The fair is renamed afterwards, so a later run of the
 * script (this test again, against the same database) does not touch these enterprises.
 */
class ListingDemoDataTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    IndustryTaxonomy taxonomy;

    @Test
    void everyEnterpriseOfTheDemoFairGetsFiveListingsOfItsTrade() throws Exception {
        FairFixtures fx = new FairFixtures(db, context);
        long fair = fx.fair(fx.account("ORGANISER").id());
        db.sql("update fair set title = :t where id = :id").bind("t", ListingDemoData.FAIR).bind("id", fair)
                .fetch().rowsUpdated().block();
        List<String> trades = List.of("汽车零部件", "电子元件", "食品加工", "通用设备", "铝合金压铸");
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Member m = fx.enterprise("演示企业" + i, "安徽省合肥市", trades.get(i % trades.size()), EnterpriseSize.SMALL,
                    SpecialisationTier.NONE);
            fx.participant(fair, m, ParticipantRole.BOTH, ParticipantStatus.APPROVED);
            members.add(m);
        }
        try {
            String script = new ClassPathResource("demo/fair-listing-demo.sql").getContentAsString(StandardCharsets.UTF_8);
            db.sql(script).then().block();

            List<Map<String, Object>> rows = db.sql("""
                            select l.enterprise_id, e.industry, l.side, l.category, l.title, cardinality(l.keywords) as k,
                                   l.valid_until > now() as valid, l.amount_min_fen <= l.amount_max_fen as ordered
                              from fair_listing l join enterprise e on e.id = l.enterprise_id
                             where l.enterprise_id = any(:ids)""")
                    .bind("ids", members.stream().map(Member::enterpriseId).toArray(Long[]::new))
                    .fetch().all().collectList().block();
            assertThat(rows).hasSize(50);
            for (Member m : members) {
                List<Map<String, Object>> mine = rows.stream().filter(r -> r.get("enterprise_id").equals(m.enterpriseId())).toList();
                assertThat(mine).hasSize(5);
                assertThat(mine).extracting(r -> r.get("title")).doesNotHaveDuplicates();
                assertThat(mine).extracting(r -> r.get("side")).contains("SUPPLY", "DEMAND");
            }
            assertThat(rows).allSatisfy(r -> {
                assertThat(taxonomy.usable((String) r.get("category"))).as("category %s", r.get("category")).isTrue();
                assertThat((Integer) r.get("k")).isBetween(1, 10);
                assertThat(r.get("valid")).isEqualTo(true);
                assertThat(r.get("ordered")).isEqualTo(true);
            });
            // auto parts enterprises offer and seek aluminium die castings: matching has pairs to find
            assertThat(rows).filteredOn(r -> ((String) r.get("title")).contains("铝合金压铸"))
                    .extracting(r -> r.get("side")).contains("SUPPLY", "DEMAND");
            assertThat(rows).filteredOn(r -> "食品加工".equals(r.get("industry")))
                    .allSatisfy(r -> assertThat((String) r.get("category")).matches("C1[3-5].*|A.*|G.*"));
        } finally {
            db.sql("update fair set title = '已测过的演示对接会' where id = :id").bind("id", fair).fetch().rowsUpdated().block();
        }
    }
}
