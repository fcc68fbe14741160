package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A roadshow's project owners and investors, without listings, matched on their questionnaires' offers and needs:
 * segmented and scored like listings, each part shown; a changed questionnaire re-matches through the listener, and
 * gives the rows a full run gives; the questionnaire stays out of the listing pages.
 */
class RoadshowQuestionnaireMatchingTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MatchingRuns runs;
    @Autowired
    FairActivity activity;

    FairFixtures fx;
    long fair;
    FairFixtures.Member project;
    FairFixtures.Member investor;
    FairFixtures.Member teaFund;
    long projectId;
    long investorId;
    long teaFundId;

    @BeforeEach
    void roadshow() {
        fx = new FairFixtures(db, context);
        fair = fx.fair(fx.account("ORGANISER").id(), FairKind.ROADSHOW, FairVisibility.PUBLIC);
        project = fx.enterprise("合肥固能新材料有限公司", "安徽省合肥市", "新材料", EnterpriseSize.SMALL, SpecialisationTier.NONE);
        investor = fx.enterprise("合肥创新投资集团", "安徽省合肥市", "投资", EnterpriseSize.LARGE, SpecialisationTier.NONE);
        teaFund = fx.enterprise("黄山消费产业基金", "安徽省黄山市", "投资", EnterpriseSize.MEDIUM, SpecialisationTier.NONE);
        projectId = fx.participant(fair, project, ParticipantRole.PROJECT, ParticipantStatus.APPROVED,
                3_000_000_000L, 5_000_000_000L);
        investorId = fx.participant(fair, investor, ParticipantRole.INVESTOR, ParticipantStatus.APPROVED,
                1_000_000_000L, 10_000_000_000L);
        teaFundId = fx.participant(fair, teaFund, ParticipantRole.INVESTOR, ParticipantStatus.APPROVED);
        questionnaire(projectId, "固态电解质与高镍正极材料中试线，已获发明专利", "寻求A轮股权融资，用于扩建产线");
        questionnaire(investorId, "股权投资、投后管理与产业资源对接", "关注固态电解质、正极材料、半导体设备项目");
        questionnaire(teaFundId, "消费品牌投资", "关注茶叶、文旅、连锁餐饮");
        runs.full(fair).block();
    }

    @Test
    void projectsAndInvestorsWithoutListingsAreMatchedOnTheirQuestionnairesWithEachPartShown() {
        List<Map<String, Object>> matches = list(get("/api/fairs/" + fair + "/matches", investor.token()).get("matches"));
        assertThat(matches).hasSize(1);
        Map<?, ?> counterpart = (Map<?, ?>) matches.get(0).get("counterpart");
        assertThat(counterpart.get("enterpriseName")).isEqualTo("合肥固能新材料有限公司");
        assertThat(counterpart.get("title")).isEqualTo("路演项目（报名问卷）");
        assertThat(counterpart.get("categoryName")).isNull();
        List<Map<String, Object>> parts = list(matches.get(0).get("parts"));
        String sentence = String.join(" · ", parts.stream().map(p -> (String) p.get("text")).toList());
        assertThat(sentence).startsWith("关键词：").contains("固态", "电解质", "正极材料", "股权").contains("同在合肥")
                .contains("中小企业对接大型企业").contains("金额区间吻合");
        // neither the fixed title nor the labels are terms every questionnaire would share; no category, no category part
        assertThat(sentence).doesNotContain("问卷", "路演", "提供", "需要", "同属");
        assertThat(matches.get(0).get("score")).isEqualTo(parts.stream().mapToInt(p -> (Integer) p.get("points")).sum());

        assertThat(list(get("/api/fairs/" + fair + "/matches", project.token()).get("matches")))
                .extracting(m -> (Object) ((Map<?, ?>) m.get("counterpart")).get("enterpriseName"))
                .containsExactly("合肥创新投资集团");
        assertThat(list(get("/api/fairs/" + fair + "/matches", teaFund.token()).get("matches"))).isEmpty();
        assertThat(list(get("/api/fairs/" + fair + "/matches", investor.token()).get("listings")))
                .extracting(l -> (Object) l.get("title")).containsExactly("投资意向（报名问卷）");
    }

    @Test
    void aChangedQuestionnaireReMatchesLikeAChangedListingAndAgreesWithAFullRun() {
        // 补充材料: new needs and a budget (same province 5 + four shared terms 32 + amounts 10 ≥ 35; before: no term)
        questionnaire(teaFundId, "消费与新材料股权投资", "关注固态电解质、高镍正极材料与茶叶品牌");
        db.sql("update fair_participant set amount_min_fen = 2000000000, amount_max_fen = 4000000000 where id = :id")
                .bind("id", teaFundId).fetch().rowsUpdated().block();
        activity.changed(fair, FairActivity.What.PARTICIPANT, teaFundId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(list(get("/api/fairs/" + fair + "/matches", teaFund.token()).get("matches")))
                        .extracting(m -> (Object) ((Map<?, ?>) m.get("counterpart")).get("enterpriseName"))
                        .containsExactly("合肥固能新材料有限公司"));
        List<String> incremental = stored();
        assertThat(incremental).hasSize(4); // the project ranks both investors, each investor the project
        runs.full(fair).block();
        assertThat(stored()).isEqualTo(incremental);

        questionnaire(investorId, "", "");
        runs.participantChanged(fair, investorId).block();
        assertThat(list(get("/api/fairs/" + fair + "/matches", investor.token()).get("matches"))).isEmpty();
        assertThat(list(get("/api/fairs/" + fair + "/matches", project.token()).get("matches")))
                .extracting(m -> (Object) ((Map<?, ?>) m.get("counterpart")).get("enterpriseName"))
                .containsExactly("黄山消费产业基金");
    }

    @Test
    void questionnairesStayOutOfTheListingPagesAndOtherFairs() {
        assertThat(list(get("/api/fairs/" + fair + "/listings", investor.token()).get("items"))).isEmpty();
        assertThat(list(get("/api/me/listings", project.token()).get("items"))).isEmpty();
        long procurement = fx.fair(fx.account("ORGANISER").id());
        long elsewhere = fx.participant(procurement, project, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        runs.full(procurement).block();
        assertThat(db.sql("select count(*) from fair_listing where participant_id = :p").bind("p", elsewhere)
                .map(r -> r.get(0, Long.class)).one().block()).isZero();
        assertThat(db.sql("select count(*) from fair_match where fair_id = :f").bind("f", procurement)
                .map(r -> r.get(0, Long.class)).one().block()).isZero();
    }

    private void questionnaire(long participantId, String offers, String needs) {
        db.sql("update fair_participant set offers = :o, needs = :n, updated_at = now() where id = :id")
                .bind("o", offers).bind("n", needs).bind("id", participantId).fetch().rowsUpdated().block();
    }

    /** The fair's stored matches, each as listing → counterpart: score and parts. */
    private List<String> stored() {
        return db.sql("""
                        select m.listing_id || '>' || m.counterpart_id || ':' || m.score || '/' || m.keyword_points || '/'
                               || m.region_points || '/' || m.complement_points || '/' || m.amount_points || '/'
                               || array_to_string(m.shared_terms, ',') as row
                          from fair_match m where m.fair_id = :f order by 1""")
                .bind("f", fair).map(r -> r.get(0, String.class)).all().collectList().block();
    }

    private Map<?, ?> get(String uri, String token) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
