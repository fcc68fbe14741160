package io.livehall.fair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The demo pipeline seeds pairs at every stage of the newest Anhui demo fair, with history, and only once. */
class PipelineDemoDataTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void seedsEveryStageOnceWithHistory() {
        FairFixtures fx = new FairFixtures(db, context);
        var organiser = fx.account("ORGANISER");
        var contact = fx.account("VIEWER");
        long fair = fx.fair(organiser.id());
        db.sql("update fair set title = :t where id = :id").bind("t", PipelineDemoData.FAIR).bind("id", fair)
                .fetch().rowsUpdated().block();
        db.sql("""
                        with e as (
                            insert into enterprise (name, credit_code, region, industry, size)
                            select '演示企业' || g, upper(substr(md5(random()::text || g), 1, 18)), '安徽省合肥市', '汽车零部件', 'SMALL'
                              from generate_series(1, 220) g
                            returning id, name)
                        insert into fair_participant (fair_id, enterprise_id, user_id, role, status)
                        select :fair, e.id, :user,
                               case when e.name = '演示企业1' then 'BOTH'
                                    when substr(e.name, 5)::int % 2 = 0 then 'SUPPLIER' else 'BUYER' end, 'APPROVED'
                          from e""")
                .bind("fair", fair).bind("user", contact.id()).fetch().rowsUpdated().block();
        var viewer = fx.enterprise("合肥瑞丰汽车零部件有限公司");
        fx.participant(fair, viewer, io.livehall.fair.ParticipantRole.BUYER, io.livehall.fair.ParticipantStatus.APPROVED);

        try {
            PipelineDemoData demo = new PipelineDemoData(db);
            demo.seed(Duration.ofMillis(10), 1).block();
            demo.seed(Duration.ofMillis(10), 1).block();

            Map<String, Long> stages = db.sql("select stage, count(*) as n from fair_pair where fair_id = :f group by stage")
                    .bind("f", fair).map(row -> Map.entry(row.get("stage", String.class), row.get("n", Long.class))).all()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)).block();
            // 96 planned pairs plus the demo viewer's intention and signed deal (no demo merchant in tests)
            assertThat(stages).containsEntry("MATCHED", 40L).containsEntry("CONTACTED", 20L).containsEntry("MET", 15L)
                    .containsEntry("DROPPED", 4L).containsEntry("INTENTION", 15L).containsEntry("SIGNED", 4L);
            assertThat(db.sql("""
                            select count(*) from fair_pair_history h join fair_pair x on x.id = h.pair_id where x.fair_id = :f""")
                    .bind("f", fair).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(98 + 58);
            assertThat(db.sql("""
                            select count(*) from fair_pair x join fair_participant p on p.id in (x.low_participant_id, x.high_participant_id)
                             where x.fair_id = :f and p.enterprise_id = :e""")
                    .bind("f", fair).bind("e", viewer.enterpriseId()).map(row -> row.get(0, Long.class)).one().block())
                    .isEqualTo(2);
            long signedFen = db.sql("select sum(signed_amount_fen) from fair_pair where fair_id = :f and stage = 'SIGNED'")
                    .bind("f", fair).map(row -> row.get(0, Number.class).longValue()).one().block();
            assertThat(signedFen).isPositive();
        } finally {
            // renamed afterwards, as ListingDemoDataTest does: the demo hall's own seeding must not find this stand-in
            db.sql("update fair set title = '已测过的演示对接会' where id = :id").bind("id", fair).fetch().rowsUpdated().block();
        }
    }
}
