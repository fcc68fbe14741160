package io.livehall.fair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.livehall.fair.PairStage;
import org.junit.jupiter.api.Test;

/** Moving pairs by hand: the transition rules, stale versions, who may see and move a pair, bad input. */
class PipelineApiTest extends PipelineTestSupport {

    @Test
    void forwardSkipsStepsButBackNeedsAReason() {
        long pair = reach(pa, pb, PairStage.MATCHED);
        put(a.token(), fair, pair, change(0, PairStage.MET, "note", "已在展会现场洽谈")).expectStatus().isOk()
                .expectBody().jsonPath("$.pair.stage").isEqualTo("MET").jsonPath("$.pair.version").isEqualTo(1)
                .jsonPath("$.pair.note").isEqualTo("已在展会现场洽谈")
                .jsonPath("$.history[0].from").isEqualTo("MATCHED").jsonPath("$.history[0].to").isEqualTo("MET")
                .jsonPath("$.history[0].note").isEqualTo("已在展会现场洽谈");

        put(b.token(), fair, pair, change(1, PairStage.CONTACTED)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].message").isEqualTo("退回到之前的阶段请填写原因");
        assertThat(stageOf(pair)).isEqualTo("MET");

        put(b.token(), fair, pair, change(1, PairStage.CONTACTED, "reason", "洽谈记录填错了")).expectStatus().isOk()
                .expectBody().jsonPath("$.pair.stage").isEqualTo("CONTACTED")
                .jsonPath("$.history[0].reason").isEqualTo("洽谈记录填错了")
                .jsonPath("$.mine").isEqualTo((int) pb);
        assertThat(historyCount(pair)).isEqualTo(3);
    }

    @Test
    void intentionNeedsAnAmountSignedAnAmountAndADateDroppedAReason() {
        long pair = reach(pa, pb, PairStage.MET);
        put(a.token(), fair, pair, change(0, PairStage.INTENTION)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("intendedAmountFen");
        put(a.token(), fair, pair, change(0, PairStage.SIGNED, "signedAmountFen", 100)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("signedOn");
        put(a.token(), fair, pair, change(0, PairStage.SIGNED, "signedOn", "2026-12-08")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("signedAmountFen");
        put(a.token(), fair, pair, change(0, PairStage.DROPPED)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("放弃对接请填写原因");
        assertThat(stageOf(pair)).isEqualTo("MET");
        assertThat(versionOf(pair)).isZero();

        put(a.token(), fair, pair, change(0, PairStage.INTENTION, "intendedAmountFen", 3_000_000_00L,
                "intendedOn", "2026-12-07")).expectStatus().isOk();
        put(b.token(), fair, pair, change(1, PairStage.SIGNED, "intendedAmountFen", 3_000_000_00L,
                "intendedOn", "2026-12-07", "signedAmountFen", 2_800_000_00L, "signedOn", "2026-12-08"))
                .expectStatus().isOk().expectBody().jsonPath("$.pair.signedAmountFen").isEqualTo(280000000)
                .jsonPath("$.pair.signedOn").isEqualTo("2026-12-08");
        put(a.token(), fair, pair, change(2, PairStage.DROPPED, "reason", "对方资金未到位")).expectStatus().isOk()
                .expectBody().jsonPath("$.pair.dropReason").isEqualTo("对方资金未到位");
        put(a.token(), fair, pair, change(3, PairStage.MET)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("重新跟进已放弃的对接请填写原因");
    }

    @Test
    void aStaleVersionIsRefusedSoNoChangeIsLost() {
        long pair = reach(pa, pb, PairStage.MET);
        put(a.token(), fair, pair, change(0, PairStage.INTENTION, "intendedAmountFen", 100_000_00L)).expectStatus().isOk();
        put(b.token(), fair, pair, change(0, PairStage.MET, "note", "我这边也更新一下")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(1).jsonPath("$.editedVersion").isEqualTo(0);
        assertThat(stageOf(pair)).isEqualTo("INTENTION");
        // an unchanged save neither bumps the version nor writes history
        put(b.token(), fair, pair, change(1, PairStage.INTENTION, "intendedAmountFen", 100_000_00L)).expectStatus().isOk();
        assertThat(versionOf(pair)).isEqualTo(1);
        assertThat(historyCount(pair)).isEqualTo(2);
    }

    @Test
    void onlyTheTwoSidesAndTheFairsOrganisersSeeAPair() {
        long pair = reach(pa, pb, PairStage.CONTACTED);
        String uri = "/api/fairs/" + fair + "/pipeline/pairs/" + pair;
        get(a.token(), uri).expectStatus().isOk().expectBody().jsonPath("$.mine").isEqualTo((int) pa);
        get(b.token(), uri).expectStatus().isOk();
        get(organiser.token(), uri).expectStatus().isOk().expectBody().jsonPath("$.mine").doesNotExist();
        var admin = fx.account("ADMIN");
        get(admin.token(), uri).expectStatus().isOk();

        var otherOrganiser = fx.account("ORGANISER");
        for (String outsider : new String[] {c.token(), d.token(), otherOrganiser.token(), fx.account().token()}) {
            get(outsider, uri).expectStatus().isNotFound();
            put(outsider, fair, pair, change(0, PairStage.MET)).expectStatus().isNotFound();
        }
        // the same pair under another fair's id
        long otherFair = fx.fair(otherOrganiser.id());
        get(otherOrganiser.token(), "/api/fairs/" + otherFair + "/pipeline/pairs/" + pair).expectStatus().isNotFound();
        assertThat(stageOf(pair)).isEqualTo("CONTACTED");

        put(organiser.token(), fair, pair, change(0, PairStage.MET, "note", "主办方代为登记")).expectStatus().isOk();
        get(organiser.token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs").expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo((int) pair);
        get(otherOrganiser.token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs").expectStatus().isNotFound();
        get(a.token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs").expectStatus().isForbidden();
    }

    @Test
    void eachSideListsItsOwnPairsOnly() {
        long ab = reach(pa, pb, PairStage.MATCHED);
        long ac = reach(pa, pc, PairStage.CONTACTED);
        long bc = reach(pb, pc, PairStage.MATCHED);
        get(a.token(), "/api/fairs/" + fair + "/pipeline/pairs").expectStatus().isOk().expectBody()
                .jsonPath("$.participantId").isEqualTo((int) pa)
                .jsonPath("$.pairs.items.length()").isEqualTo(2)
                .jsonPath("$.pairs.items[0].id").isEqualTo((int) ac)
                .jsonPath("$.pairs.items[1].id").isEqualTo((int) ab);
        get(a.token(), "/api/fairs/" + fair + "/pipeline/pairs?limit=1").expectStatus().isOk().expectBody()
                .jsonPath("$.pairs.next").isEqualTo(Long.toString(ac));
        get(c.token(), "/api/fairs/" + fair + "/pipeline/pairs").expectStatus().isOk().expectBody()
                .jsonPath("$.pairs.items[0].id").isEqualTo((int) bc);
        get(d.token(), "/api/fairs/" + fair + "/pipeline/pairs").expectStatus().isForbidden();
        get(organiser.token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs?stage=CONTACTED").expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo((int) ac);
        get(organiser.token(), "/api/organiser/fairs/" + fair + "/pipeline/pairs?stage=LOST").expectStatus().isBadRequest();
    }

    @Test
    void badInputIsRefusedWithTheField() {
        long pair = reach(pa, pb, PairStage.MET);
        put(a.token(), fair, pair, change(0, PairStage.MET, "note", "含\u0000字符")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        put(a.token(), fair, pair, change(0, PairStage.DROPPED, "reason", "长".repeat(501))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        put(a.token(), fair, pair, change(0, PairStage.INTENTION, "intendedAmountFen", PipelineRules.MAX_AMOUNT_FEN + 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("intendedAmountFen");
        put(a.token(), fair, pair, change(0, PairStage.INTENTION, "intendedAmountFen", -5)).expectStatus().isBadRequest();
        put(a.token(), fair, pair, Map.of("version", 0, "stage", "INTENTION", "intendedAmountFen", "99999999999999999999"))
                .expectStatus().isBadRequest();
        put(a.token(), fair, pair, change(0, PairStage.SIGNED, "signedAmountFen", 1, "signedOn", "1999-12-31"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("signedOn");
        put(a.token(), fair, pair, Map.of("stage", "MET")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
        put(a.token(), fair, pair, Map.of("version", 0, "stage", "LOST")).expectStatus().isBadRequest();
        put(a.token(), fair, Long.MAX_VALUE, change(0, PairStage.MET)).expectStatus().isNotFound();
        http.put().uri("/api/fairs/" + fair + "/pipeline/pairs/99999999999999999999")
                .header("Authorization", "Bearer " + a.token()).exchange().expectStatus().isBadRequest();
        assertThat(versionOf(pair)).isZero();
    }

    @Test
    void theOtherSideIsToldWhenThePairMovesButNotOfANote() {
        long pair = reach(pa, pb, PairStage.MET);
        put(a.token(), fair, pair, change(0, PairStage.MET, "note", "补充一下报价单")).expectStatus().isOk();
        put(a.token(), fair, pair, change(1, PairStage.INTENTION, "intendedAmountFen", 50_000_00L)).expectStatus().isOk();
        var told = db.sql("select user_id, type, title, link from user_notification where link = :link")
                .bind("link", "/fairs/" + fair + "/pipeline?pair=" + pair)
                .map(row -> row.get("user_id", Long.class) + "|" + row.get("type", String.class) + "|"
                        + row.get("title", String.class))
                .all().collectList().block();
        assertThat(told).containsExactly(b.userId() + "|fair-pipeline|与合肥精工铝业有限公司的对接进展：达成意向");
        // an organiser's move tells both sides
        put(organiser.token(), fair, pair, change(2, PairStage.DROPPED, "intendedAmountFen", 50_000_00L, "reason", "双方协商终止"))
                .expectStatus().isOk();
        assertThat(db.sql("select count(*) from user_notification where link = :link and title like '%已放弃'")
                .bind("link", "/fairs/" + fair + "/pipeline?pair=" + pair).map(row -> row.get(0, Long.class)).one().block())
                .isEqualTo(2);
    }
}
