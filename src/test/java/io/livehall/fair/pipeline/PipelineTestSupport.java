package io.livehall.fair.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.PairProgress;
import io.livehall.fair.PairStage;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A fair with an organiser, three approved enterprises (A supplier, B buyer, C both) and a pending one (D). */
abstract class PipelineTestSupport extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PairProgress progress;

    FairFixtures fx;
    Account organiser;
    long fair;
    Member a;
    Member b;
    Member c;
    Member d;
    long pa;
    long pb;
    long pc;
    long pd;

    @BeforeEach
    void aFair() {
        fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        a = fx.enterprise("合肥精工铝业有限公司");
        b = fx.enterprise("芜湖远航汽车部件有限公司");
        c = fx.enterprise("安庆华信电子有限公司");
        d = fx.enterprise("待审企业");
        pa = fx.participant(fair, a, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        pb = fx.participant(fair, b, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        pc = fx.participant(fair, c, ParticipantRole.BOTH, ParticipantStatus.APPROVED);
        pd = fx.participant(fair, d, ParticipantRole.BUYER, ParticipantStatus.PENDING);
    }

    /** Moves (or creates) the pair as matching and meetings do, and answers its id. */
    long reach(long x, long y, PairStage stage) {
        progress.reached(fair, x, y, stage, 0).block();
        return db.sql("select id from fair_pair where fair_id = :f and low_participant_id = :l and high_participant_id = :h")
                .bind("f", fair).bind("l", Math.min(x, y)).bind("h", Math.max(x, y))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    String stageOf(long pairId) {
        return db.sql("select stage from fair_pair where id = :id").bind("id", pairId)
                .map(row -> row.get(0, String.class)).one().block();
    }

    int versionOf(long pairId) {
        return db.sql("select version from fair_pair where id = :id").bind("id", pairId)
                .map(row -> row.get(0, Integer.class)).one().block();
    }

    long historyCount(long pairId) {
        return db.sql("select count(*) from fair_pair_history where pair_id = :id").bind("id", pairId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /** A change body: stage, version and field pairs ({@code "signedAmountFen", 100}). */
    static Map<String, Object> change(int version, PairStage stage, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("stage", stage.name());
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    WebTestClient.ResponseSpec put(String token, long fairId, long pairId, Object body) {
        return http.put().uri("/api/fairs/" + fairId + "/pipeline/pairs/" + pairId)
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    /** Signs the pair as one side would: intention, then signed. */
    void sign(String token, long pairId, long intendedFen, long signedFen) {
        put(token, fair, pairId, change(versionOf(pairId), PairStage.SIGNED, "intendedAmountFen", intendedFen,
                "signedAmountFen", signedFen, "signedOn", "2026-12-08")).expectStatus().isOk();
    }
}
