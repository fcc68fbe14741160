package io.livehall.fair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.livehall.fair.PairStage;
import io.livehall.realtime.RawStompClient;
import org.junit.jupiter.api.Test;

/**
 * KPIs against hand-counted fixtures (the pipeline's own figures and its funnel; other features' figures come from
 * their sources and are only checked to be present), the CSV files, and the live topic.
 */
class PipelineKpiTest extends PipelineTestSupport {

    /** A–B signed (intended 500 万, signed 480 万), A–C intention (120 万), B–C dropped after an intention of 80 万. */
    private void threePairs() {
        long ab = reach(pa, pb, PairStage.MET);
        sign(a.token(), ab, 500_000_000L, 480_000_000L);
        long ac = reach(pa, pc, PairStage.CONTACTED);
        put(c.token(), fair, ac, change(0, PairStage.INTENTION, "intendedAmountFen", 120_000_000L)).expectStatus().isOk();
        long bc = reach(pb, pc, PairStage.MET);
        put(b.token(), fair, bc, change(0, PairStage.INTENTION, "intendedAmountFen", 80_000_000L)).expectStatus().isOk();
        put(b.token(), fair, bc, change(1, PairStage.DROPPED, "intendedAmountFen", 80_000_000L, "reason", "预算取消"))
                .expectStatus().isOk();
    }

    @Test
    void aFairsKpisCountIntentionsSignedDealsAndAmounts() {
        threePairs();
        get(organiser.token(), "/api/organiser/fairs/" + fair + "/kpi").expectStatus().isOk().expectBody()
                .jsonPath("$.figures.INTENTIONS").isEqualTo(2)
                .jsonPath("$.figures.SIGNED").isEqualTo(1)
                .jsonPath("$.figures.INTENDED_AMOUNT_FEN").isEqualTo(620_000_000)
                .jsonPath("$.figures.SIGNED_AMOUNT_FEN").isEqualTo(480_000_000)
                .jsonPath("$.figures.length()").isEqualTo(11)
                .jsonPath("$.stages.SIGNED").isEqualTo(1).jsonPath("$.stages.INTENTION").isEqualTo(1)
                .jsonPath("$.stages.DROPPED").isEqualTo(1).jsonPath("$.stages.MATCHED").isEqualTo(0);
        get(fx.account("ORGANISER").token(), "/api/organiser/fairs/" + fair + "/kpi").expectStatus().isNotFound();
        get(a.token(), "/api/organiser/fairs/" + fair + "/kpi").expectStatus().isForbidden();
    }

    @Test
    void acrossFairsTheTotalsAddUpAndTheCsvSaysTheSame() {
        threePairs();
        long second = fx.fair(organiser.id());
        var e = fx.enterprise("第二场供应商");
        var f = fx.enterprise("第二场采购商");
        long pe = fx.participant(second, e, io.livehall.fair.ParticipantRole.SUPPLIER,
                io.livehall.fair.ParticipantStatus.APPROVED);
        long pf = fx.participant(second, f, io.livehall.fair.ParticipantRole.BUYER,
                io.livehall.fair.ParticipantStatus.APPROVED);
        progress.reached(second, pe, pf, PairStage.MET, 0).block();
        long ef = db.sql("select id from fair_pair where fair_id = :f").bind("f", second)
                .map(row -> row.get(0, Long.class)).one().block();
        put(e.token(), second, ef, change(0, PairStage.SIGNED, "signedAmountFen", 1_234_56L, "signedOn", "2026-12-09"))
                .expectStatus().isOk();

        get(organiser.token(), "/api/organiser/fairs/kpi").expectStatus().isOk().expectBody()
                .jsonPath("$.fairs.length()").isEqualTo(2)
                .jsonPath("$.fairs[0].fairId").isEqualTo((int) second)
                .jsonPath("$.total.SIGNED").isEqualTo(2)
                .jsonPath("$.total.INTENTIONS").isEqualTo(3)
                .jsonPath("$.total.SIGNED_AMOUNT_FEN").isEqualTo(480_123_456);

        String csv = new String(get(organiser.token(), "/api/organiser/fairs/kpi.csv").expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("\uFEFF对接会ID,对接会,开始时间,报名企业,审核通过,供需信息,匹配对数,已约洽谈,已举行洽谈,爽约,意向,签约,"
                + "意向金额(元),签约金额(元)");
        assertThat(lines[1]).startsWith(second + ",").endsWith(",1,1,0.00,1234.56");
        assertThat(lines[2]).startsWith(fair + ",").endsWith(",2,1,6200000.00,4800000.00");
        assertThat(lines[3]).startsWith(",合计,,").endsWith(",3,2,6200000.00,4801234.56");
        // another organiser's table is their own (empty)
        get(fx.account("ORGANISER").token(), "/api/organiser/fairs/kpi").expectStatus().isOk().expectBody()
                .jsonPath("$.fairs.length()").isEqualTo(0).jsonPath("$.total.SIGNED").isEqualTo(0);
    }

    @Test
    void thePairsCsvListsEveryPairWithStagesAndAmounts() {
        threePairs();
        String csv = new String(get(organiser.token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs.csv")
                .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("\uFEFF对接ID,企业A,角色A,企业B,角色B,阶段,意向金额(元),意向日期,签约金额(元),签约日期,放弃原因,最新备注,更新时间");
        assertThat(lines[1]).contains("合肥精工铝业有限公司,供应方,芜湖远航汽车部件有限公司,采购方,已签约,5000000.00,,4800000.00,2026-12-08,,,");
        assertThat(lines[2]).contains("合肥精工铝业有限公司,供应方,安庆华信电子有限公司,供需双方,达成意向,1200000.00,,,,,,");
        assertThat(lines[3]).contains("芜湖远航汽车部件有限公司,采购方,安庆华信电子有限公司,供需双方,已放弃,800000.00,,,,预算取消,,");
        get(fx.account("ORGANISER").token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs.csv").expectStatus().isNotFound();
    }

    @Test
    void theOrganiserSeesTheKpisLiveAndNobodyElseMaySubscribe() {
        long pair = reach(pa, pb, PairStage.MET);
        String topic = "/topic/fair/" + fair + "/kpi";
        try (RawStompClient console = RawStompClient.open(port)) {
            console.connect(organiser.token());
            console.subscribe("k", topic);
            sign(b.token(), pair, 200_000_00L, 190_000_00L);
            String body = "";
            while (!body.contains("\"SIGNED\":1,")) {
                body = console.expect("MESSAGE").body();
            }
            assertThat(body).contains("\"fairId\":" + fair, "\"SIGNED_AMOUNT_FEN\":19000000");
        }
        var otherOrganiser = fx.account("ORGANISER");
        for (String token : new String[] {otherOrganiser.token(), a.token(), null}) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(token);
                client.send("SUBSCRIBE", null, "id", "k", "destination", topic);
                assertThat(client.expect("ERROR").header("message")).isEqualTo("Not allowed");
            }
        }
    }

    @Test
    void aBurstOfChangesIsCoalescedAndTheLastStateAlwaysArrives() throws InterruptedException {
        long pair = reach(pa, pb, PairStage.MET);
        io.livehall.fair.FairActivity activity = context.getBean(io.livehall.fair.FairActivity.class);
        try (RawStompClient console = RawStompClient.open(port)) {
            console.connect(organiser.token());
            console.subscribe("k", "/topic/fair/" + fair + "/kpi");
            for (int i = 0; i < 200; i++) {
                activity.changed(fair, io.livehall.fair.FairActivity.What.MEETING, i);
            }
            sign(a.token(), pair, 300_000_00L, 250_000_00L);
            long start = System.nanoTime();
            int messages = 0;
            String last = "";
            java.util.List<Long> wallClock = new java.util.ArrayList<>();
            RawStompClient.Frame frame;
            while ((frame = console.poll(java.time.Duration.ofMillis(2500))) != null) {
                messages++;
                wallClock.add(System.currentTimeMillis());
                last = frame.body();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // at most one per 600 ms window (plus the window the burst started in), never one per change
            assertThat(messages).isBetween(1, (int) Math.ceil(seconds * 2) + 1);
            // and never more than two in one clock second
            java.util.Map<Long, Long> perSecond = wallClock.stream().collect(
                    java.util.stream.Collectors.groupingBy(t -> t / 1000, java.util.stream.Collectors.counting()));
            assertThat(perSecond.values()).as("updates per clock second: %s", wallClock).allMatch(n -> n <= 2);
            assertThat(last).contains("\"SIGNED\":1,", "\"SIGNED_AMOUNT_FEN\":25000000");
        }
    }
}
