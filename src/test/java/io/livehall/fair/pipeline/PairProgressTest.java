package io.livehall.fair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.livehall.fair.PairStage;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Automatic progress (matching, meetings): forward only, created if new, one row per unordered pair, in the caller's transaction. */
class PairProgressTest extends PipelineTestSupport {

    @Test
    void aPairIsCreatedOnceForBothOrdersAndOnlyMovesForward() {
        long pair = reach(pb, pa, PairStage.MATCHED);
        assertThat(reach(pa, pb, PairStage.MATCHED)).isEqualTo(pair);
        assertThat(stageOf(pair)).isEqualTo("MATCHED");
        assertThat(historyCount(pair)).isEqualTo(1);

        reach(pa, pb, PairStage.MET);
        assertThat(stageOf(pair)).isEqualTo("MET");
        reach(pb, pa, PairStage.CONTACTED);
        reach(pa, pb, PairStage.MATCHED);
        assertThat(stageOf(pair)).isEqualTo("MET");
        assertThat(historyCount(pair)).isEqualTo(2);
        List<String> moves = db.sql("""
                        select coalesce(from_stage, '-') || '>' || to_stage from fair_pair_history
                         where pair_id = :p order by id""")
                .bind("p", pair).map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(moves).containsExactly("->MATCHED", "MATCHED>MET");
        assertThat(db.sql("select count(*) from fair_pair where fair_id = :f").bind("f", fair)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void neverMovesASignedOrDroppedPair() {
        long signed = reach(pa, pb, PairStage.MET);
        sign(a.token(), signed, 500_000_00L, 480_000_00L);
        reach(pa, pb, PairStage.MET);
        assertThat(stageOf(signed)).isEqualTo("SIGNED");

        long dropped = reach(pa, pc, PairStage.MATCHED);
        put(c.token(), fair, dropped, change(0, PairStage.DROPPED, "reason", "需求已由其他供应商满足")).expectStatus().isOk();
        reach(pc, pa, PairStage.CONTACTED);
        assertThat(stageOf(dropped)).isEqualTo("DROPPED");
    }

    @Test
    void onlyTheAutomaticStagesAndParticipantsOfTheFairAreAccepted() {
        assertThatThrownBy(() -> progress.reached(fair, pa, pb, PairStage.SIGNED, 0).block())
                .isInstanceOf(IllegalArgumentException.class);
        long otherFair = fx.fair(organiser.id());
        var e = fx.enterprise("别场企业");
        long elsewhere = fx.participant(otherFair, e, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        assertThatThrownBy(() -> progress.reached(fair, pa, elsewhere, PairStage.MATCHED, 0).block())
                .isInstanceOf(DataIntegrityViolationException.class);
        progress.reached(fair, pa, pa, PairStage.MATCHED, 0).block();
        assertThat(db.sql("select count(*) from fair_pair where fair_id = :f").bind("f", fair)
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void joinsTheCallersTransaction() {
        TransactionalOperator tx = context.getBean(TransactionalOperator.class);
        assertThatThrownBy(() -> tx.transactional(progress.reached(fair, pa, pc, PairStage.CONTACTED, a.userId())
                        .then(Mono.error(new IllegalStateException("the meeting request failed")))).block())
                .hasMessageContaining("the meeting request failed");
        assertThat(db.sql("select count(*) from fair_pair where fair_id = :f").bind("f", fair)
                .map(row -> row.get(0, Long.class)).one().block()).isZero();

        tx.transactional(progress.reached(fair, pa, pc, PairStage.CONTACTED, a.userId())).block();
        String by = db.sql("""
                        select h.by_user_id from fair_pair_history h join fair_pair x on x.id = h.pair_id
                         where x.fair_id = :f""")
                .bind("f", fair).map(row -> String.valueOf(row.get(0, Long.class))).one().block();
        assertThat(by).isEqualTo(Long.toString(a.userId()));
    }
}
