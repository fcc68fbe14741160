package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.ListingSide;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The incremental path gives exactly the rows of a full run: a crowded fair (more candidates than a list keeps), then
 * random changes of listings and participants, each followed by its incremental recompute, compared with a full run.
 */
class MatchingIncrementalTest extends IntegrationTest {

    private static final String[] CATEGORIES = {"C367", "C366", "C361", "C36", "C384", "C345"};
    private static final String[] WORDS = {"铝合金", "压铸件", "冲压件", "电池壳体", "电机壳体", "线束", "轴承", "座椅",
            "模具", "注塑件", "传感器", "连接器"};
    private static final String[] REGIONS = {"安徽省合肥市", "安徽省芜湖市", "江苏省南京市"};

    @Autowired
    ApplicationContext context;
    @Autowired
    MatchingRuns runs;

    FairFixtures fx;
    Random random;

    record Party(FairFixtures.Member member, long participantId) {
    }

    @Test
    void incrementalRecomputesEqualAFullRun() {
        for (long seed = 1; seed <= 3; seed++) {
            check(seed);
        }
    }

    private void check(long seed) {
        fx = new FairFixtures(db, context);
        random = new Random(seed);
        var organiser = fx.account("ORGANISER");
        long fair = fx.fair(organiser.id());
        List<Party> parties = new ArrayList<>();
        List<Long> listings = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            ParticipantRole role = i % 7 == 0 ? ParticipantRole.BOTH : i % 2 == 0 ? ParticipantRole.SUPPLIER
                    : ParticipantRole.BUYER;
            var member = fx.enterprise("增量企业" + seed + "-" + i, pick(REGIONS), "汽车零部件",
                    EnterpriseSize.values()[random.nextInt(4)], SpecialisationTier.values()[random.nextInt(5)]);
            long participant = fx.participant(fair, member, role, ParticipantStatus.APPROVED,
                    random.nextBoolean() ? null : 100_000L * random.nextInt(10), null);
            parties.add(new Party(member, participant));
            listings.add(listing(member, role));
        }
        runs.full(fair).block();
        assertThat(snapshot(fair)).hasSizeGreaterThan(100);

        for (int round = 0; round < 4; round++) {
            for (int step = 0; step < 6; step++) {
                change(fair, parties, listings);
            }
            List<String> incremental = snapshot(fair);
            runs.full(fair).block();
            List<String> full = snapshot(fair);
            assertThat(minus(incremental, full)).as("seed %d round %d: only incremental", seed, round).isEmpty();
            assertThat(minus(full, incremental)).as("seed %d round %d: only full", seed, round).isEmpty();
        }
    }

    private void change(long fair, List<Party> parties, List<Long> listings) {
        long listing = listings.get(random.nextInt(listings.size()));
        switch (random.nextInt(5)) {
            case 0 -> {
                db.sql("""
                                update fair_listing set title = :title, description = :description, keywords = :keywords,
                                       category = :category, updated_at = clock_timestamp() where id = :id""")
                        .bind("title", "新" + pick(WORDS)).bind("description", pick(WORDS) + "和" + pick(WORDS))
                        .bind("keywords", new String[] {pick(WORDS)}).bind("category", pick(CATEGORIES))
                        .bind("id", listing).fetch().rowsUpdated().block();
                runs.listingChanged(listing).block();
            }
            case 1 -> {
                db.sql("update fair_listing set status = 'WITHDRAWN', updated_at = clock_timestamp() where id = :id")
                        .bind("id", listing).fetch().rowsUpdated().block();
                runs.listingChanged(listing).block();
            }
            case 2 -> {
                Party party = parties.get(random.nextInt(parties.size()));
                ParticipantRole role = ParticipantRole.valueOf(db.sql("select role from fair_participant where id = :id")
                        .bind("id", party.participantId()).map(row -> row.get(0, String.class)).one().block());
                long added = listing(party.member(), role);
                listings.add(added);
                runs.listingChanged(added).block();
            }
            case 3 -> {
                Party party = parties.get(random.nextInt(parties.size()));
                db.sql("""
                                update fair_participant set status = case status when 'APPROVED' then 'WITHDRAWN'
                                       else 'APPROVED' end where id = :id""")
                        .bind("id", party.participantId()).fetch().rowsUpdated().block();
                runs.participantChanged(fair, party.participantId()).block();
            }
            default -> {
                db.sql("""
                                update fair_listing set amount_min_fen = :min, amount_max_fen = :min + 500000,
                                       region = :region, updated_at = clock_timestamp() where id = :id""")
                        .bind("min", 100_000L * random.nextInt(10)).bind("region", pick(REGIONS)).bind("id", listing)
                        .fetch().rowsUpdated().block();
                runs.listingChanged(listing).block();
            }
        }
    }

    private long listing(FairFixtures.Member member, ParticipantRole role) {
        ListingSide side = role == ParticipantRole.SUPPLIER ? ListingSide.SUPPLY
                : role == ParticipantRole.BUYER ? ListingSide.DEMAND
                : random.nextBoolean() ? ListingSide.SUPPLY : ListingSide.DEMAND;
        return fx.listing(member, side, (side == ListingSide.SUPPLY ? "供应" : "采购") + pick(WORDS),
                pick(WORDS) + "、" + pick(WORDS), pick(CATEGORIES), pick(REGIONS), List.of(pick(WORDS)));
    }

    private List<String> snapshot(long fair) {
        return db.sql("""
                        select concat_ws('|', listing_id, counterpart_id, participant_id, counterpart_participant_id,
                                         score, category_points, keyword_points, region_points, complement_points,
                                         amount_points, shared_category, array_to_string(shared_terms, ','),
                                         shared_place, complement) as line
                          from fair_match where fair_id = :fair order by listing_id, counterpart_id""")
                .bind("fair", fair).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
