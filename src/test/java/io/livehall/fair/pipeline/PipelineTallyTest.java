package io.livehall.fair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Tally;
import io.livehall.fair.PairStage;
import io.livehall.fair.FairFixtures.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organisers' dashboard counts intentions, signed deals and amounts as the fair's KPIs do, in the minute each change
 * commits (a dropped intention: −1), and registrations made through the API (a withdrawal: −1).
 */
class PipelineTallyTest extends PipelineTestSupport {

    @Autowired
    Tally tally;

    private Map<String, Long> today() {
        return tally.day(Tally.fair(fair), LocalDate.now(Tally.SHANGHAI)).block();
    }

    @Test
    void intentionsAndSignedDealsAddUpToTheKpis() {
        long ab = reach(pa, pb, PairStage.MET);
        sign(a.token(), ab, 500_000_000L, 480_000_000L);
        long ac = reach(pa, pc, PairStage.CONTACTED);
        put(c.token(), fair, ac, change(0, PairStage.INTENTION, "intendedAmountFen", 120_000_000L)).expectStatus().isOk();
        long bc = reach(pb, pc, PairStage.MET);
        put(b.token(), fair, bc, change(0, PairStage.INTENTION, "intendedAmountFen", 80_000_000L)).expectStatus().isOk();
        put(b.token(), fair, bc, change(1, PairStage.DROPPED, "intendedAmountFen", 80_000_000L, "reason", "预算取消"))
                .expectStatus().isOk();
        assertThat(today()).containsEntry("intentions", 2L).containsEntry("signedDeals", 1L)
                .containsEntry("signedAmountFen", 480_000_000L);
    }

    @Test
    void registrationsMadeAndWithdrawnAreCounted() {
        Member e = fx.enterprise("西安新材料有限公司");
        Map<String, Object> body = new HashMap<>();
        body.put("role", "SUPPLIER");
        body.put("offers", "碳纤维复合材料");
        body.put("needs", "");
        body.put("certifications", List.of());
        body.put("contactName", "李四");
        body.put("contactPhone", "13912345678");
        String uri = "/api/fairs/" + fair + "/registration";
        http.post().uri(uri).header("Authorization", "Bearer " + e.token()).bodyValue(body).exchange().expectStatus().isOk();
        assertThat(today()).containsEntry("registrations", 1L);
        http.delete().uri(uri).header("Authorization", "Bearer " + e.token()).exchange().expectStatus().isOk();
        assertThat(today()).containsEntry("registrations", 0L);
    }
}
