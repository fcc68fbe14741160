package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.Fairs;
import io.livehall.fair.ListingSide;
import io.livehall.fair.PairProgress;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The fair's index kept between matching jobs: an incremental job goes on from the kept one, catches up with what jobs
 * on another instance re-read (and reads all entries anew after a full run there), and lets a listing whose validity
 * ended go without a job. Each case ends comparing the stored rows with a full run's.
 */
class FairIndexesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MatchingRuns runs;
    @Autowired
    FairIndexes indexes;

    FairFixtures fx;
    long fair;
    List<Long> supplies = new ArrayList<>();
    List<Long> demands = new ArrayList<>();

    @BeforeEach
    void fairWithListings() {
        fx = new FairFixtures(db, context);
        var organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        String[] words = {"铝合金", "压铸件", "冲压件", "线束", "轴承", "模具"};
        for (int i = 0; i < 8; i++) {
            var supplier = fx.enterprise("索引供应" + i, "安徽省合肥市", "汽车零部件", EnterpriseSize.SMALL,
                    SpecialisationTier.NONE);
            fx.participant(fair, supplier, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
            supplies.add(fx.listing(supplier, ListingSide.SUPPLY, "供应" + words[i % 6], words[(i + 1) % 6] + "加工",
                    "C367", "安徽省合肥市", List.of(words[i % 6])));
            var buyer = fx.enterprise("索引采购" + i, "安徽省芜湖市", "汽车零部件", EnterpriseSize.MEDIUM,
                    SpecialisationTier.NONE);
            fx.participant(fair, buyer, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
            demands.add(fx.listing(buyer, ListingSide.DEMAND, "采购" + words[(i + 2) % 6], words[i % 6] + "需求",
                    "C367", "安徽省芜湖市", List.of(words[(i + 3) % 6])));
        }
        runs.full(fair).block();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIncrementalJobGoesOnFromTheIndexKeptByTheFullRun() {
        FairIndexes.Kept kept = peek();
        assertThat(kept).as("the full run keeps its index").isNotNull();
        assertThat(kept.index().size()).isEqualTo(16);

        edit(supplies.get(0), "C366", "电池壳体");
        runs.listingChanged(supplies.get(0)).block();

        FairIndexes.Kept after = peek();
        assertThat(after.index()).as("the same index, gone on with").isSameAs(kept.index());
        assertThat(after.index().kept(supplies.get(0)).category()).isEqualTo("C366");
        assertThat(after.version()).isEqualTo(version());
        assertSameAsFullRun();
    }

    @Test
    void jobsOnAnotherInstanceAreCaughtUpFromTheirNotes() {
        FairIndexes.Kept kept = peek();
        MatchingRuns elsewhere = anotherInstance();

        edit(demands.get(1), "C361", "传感器");
        elsewhere.listingChanged(demands.get(1)).block();
        edit(supplies.get(2), "C361", "传感器");
        runs.listingChanged(supplies.get(2)).block();

        FairIndexes.Kept after = peek();
        assertThat(after.index()).as("caught up, not read anew").isSameAs(kept.index());
        assertThat(after.index().kept(demands.get(1)).category()).as("the other instance's change")
                .isEqualTo("C361");
        assertThat(db.sql("select count(*) from fair_match where fair_id = :fair and listing_id = :s and counterpart_id = :d")
                .bind("fair", fair).bind("s", supplies.get(2)).bind("d", demands.get(1))
                .map(row -> row.get(0, Long.class)).one().block())
                .as("the changed supply now matches the demand changed elsewhere").isEqualTo(1L);
        assertSameAsFullRun();
    }

    @Test
    void aFullRunElsewhereMakesTheNextJobReadEveryEntryAnew() {
        FairIndexes.Kept kept = peek();
        db.sql("update fair_listing set category = 'C361', updated_at = clock_timestamp() where id = any(:ids)")
                .bind("ids", demands.toArray(Long[]::new)).fetch().rowsUpdated().block();
        anotherInstance().full(fair).block();

        edit(supplies.get(3), "C361", "传感器");
        runs.listingChanged(supplies.get(3)).block();

        FairIndexes.Kept after = peek();
        assertThat(after.index()).as("read anew").isNotSameAs(kept.index());
        assertThat(after.index().kept(demands.get(0)).category()).isEqualTo("C361");
        assertSameAsFullRun();
    }

    @Test
    void aListingWhoseValidityEndedLeavesTheKeptIndexWithoutAJob() {
        long expiring = demands.get(4);
        db.sql("update fair_listing set valid_until = :until where id = :id")
                .bind("until", clock.instant().plus(Duration.ofHours(1))).bind("id", expiring).fetch().rowsUpdated()
                .block();
        runs.listingChanged(expiring).block();
        assertThat(peek().index().entry(expiring, clock.instant())).isNotNull();

        clock.advance(Duration.ofHours(2));
        for (long supply : supplies) {
            edit(supply, "C367", "铝合金");
            runs.listingChanged(supply).block();
        }

        assertThat(peek().index().entry(expiring, clock.instant())).isNull();
        assertThat(db.sql("select count(*) from fair_match where fair_id = :fair and counterpart_id = :id")
                .bind("fair", fair).bind("id", expiring).map(row -> row.get(0, Long.class)).one().block())
                .as("no list shows the expired listing").isZero();
        assertSameAsFullRun();
    }

    /** The kept index, left kept. */
    private FairIndexes.Kept peek() {
        FairIndexes.Kept kept = indexes.take(fair, clock.instant());
        if (kept != null) {
            indexes.keep(fair, kept);
        }
        return kept;
    }

    private long version() {
        return db.sql("select version from fair_match_index where fair_id = :fair").bind("fair", fair)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private void edit(long listing, String category, String word) {
        db.sql("""
                        update fair_listing set category = :category, title = :title, keywords = :keywords,
                               updated_at = clock_timestamp() where id = :id""")
                .bind("category", category).bind("title", "新" + word).bind("keywords", new String[] {word})
                .bind("id", listing).fetch().rowsUpdated().block();
    }

    /** The same matching on "another instance": the same beans but an index of its own. */
    private MatchingRuns anotherInstance() {
        return new MatchingRuns(context.getBean(MatchingRepository.class), context.getBean(MatchWriteRepository.class),
                context.getBean(MatchScorer.class), context.getBean(TermExtractor.class),
                context.getBean(MatchingScheduler.class), context.getBean(TransactionalOperator.class),
                context.getBeanProvider(PairProgress.class), context.getBean(Fairs.class),
                context.getBean(FairActivity.class), context.getBean(Clock.class), context.getBean(MatchPages.class),
                new FairIndexes(context.getBean(MatchingRepository.class), context.getBean(MatchWriteRepository.class),
                        context.getBean(MatchingScheduler.class)), context.getBean(QuestionnaireEntries.class));
    }

    private void assertSameAsFullRun() {
        List<String> incremental = snapshot();
        runs.full(fair).block();
        assertThat(incremental).isEqualTo(snapshot());
    }

    private List<String> snapshot() {
        return db.sql("""
                        select concat_ws('|', listing_id, counterpart_id, score, category_points, keyword_points,
                                         region_points, complement_points, amount_points) as line
                          from fair_match where fair_id = :fair order by listing_id, counterpart_id""")
                .bind("fair", fair).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
