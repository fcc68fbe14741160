package io.livehall.fair.matching;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.livehall.fair.matching.MatchViews.Party;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of what people read: my matches, pairs, participants without a match, the summary and the KPI. */
@Repository
class MatchReadRepository {

    /** A stored match with both listings and the counterpart's enterprise. */
    record StoredMatch(long listingId, String listingTitle, long counterpartId, String counterpartTitle,
                       String counterpartSide, String counterpartCategory, String counterpartRegion,
                       long counterpartParticipantId, String counterpartEnterprise, MatchScore score) {
    }

    private static final String PARTY = "p.id, e.name, p.role, e.region, e.industry";

    private final DatabaseClient db;

    MatchReadRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The participant's listings that have or could have matches (its enterprise's active ones), by id. */
    Flux<MatchViews.MyListing> listingsOf(long participantId) {
        return db.sql("""
                        select l.id, l.title, l.side from fair_participant p
                          join fair_listing l on l.enterprise_id = p.enterprise_id and l.status = 'ACTIVE'
                                             and (l.participant_id is null or l.participant_id = p.id)
                         where p.id = :participant order by l.id""")
                .bind("participant", participantId)
                .map(row -> new MatchViews.MyListing(row.get("id", Long.class), row.get("title", String.class),
                        row.get("side", String.class))).all();
    }

    /** The participant's stored matches (one listing's when given), best first, ties by listing then counterpart. */
    Flux<StoredMatch> matchesOf(long fairId, long participantId, Long listingId, int[] after, int limit) {
        var spec = db.sql("""
                        select m.listing_id, l.title as listing_title, m.counterpart_id, c.title as c_title,
                               c.side as c_side, c.category as c_category, c.region as c_region,
                               m.counterpart_participant_id, e.name as c_enterprise, m.score, m.category_points,
                               m.keyword_points, m.region_points, m.complement_points, m.amount_points,
                               m.shared_category, m.shared_terms, m.shared_place, m.complement
                          from fair_match m
                          join fair_listing l on l.id = m.listing_id
                          join fair_listing c on c.id = m.counterpart_id
                          join enterprise e on e.id = c.enterprise_id
                         where m.fair_id = :fair and m.participant_id = :participant
                           and (cast(:listing as bigint) is null or m.listing_id = :listing)
                           and (cast(:score as int) is null
                                or (-m.score, m.listing_id, m.counterpart_id) > (-cast(:score as int), :after_l, :after_c))
                         order by m.score desc, m.listing_id, m.counterpart_id
                         limit :max""")
                .bind("fair", fairId).bind("participant", participantId).bind("max", limit);
        spec = listingId == null ? spec.bindNull("listing", Long.class) : spec.bind("listing", listingId);
        spec = after == null ? spec.bindNull("score", Integer.class).bind("after_l", 0L).bind("after_c", 0L)
                : spec.bind("score", after[0]).bind("after_l", (long) after[1]).bind("after_c", (long) after[2]);
        return spec.map(MatchReadRepository::storedOf).all();
    }

    /** The manual matches involving the participant, newest first. */
    Flux<MatchViews.Recommended> recommendedFor(long fairId, long participantId) {
        return db.sql("""
                        select p.id, e.name, p.role, m.note, m.created_at from fair_match_pair m
                          join fair_participant p on p.id = case when m.participant_a = :me then m.participant_b
                                                                 else m.participant_a end
                          join enterprise e on e.id = p.enterprise_id
                         where m.fair_id = :fair and m.manual and (m.participant_a = :me or m.participant_b = :me)
                         order by m.id desc limit 100""")
                .bind("fair", fairId).bind("me", participantId)
                .map(row -> new MatchViews.Recommended(row.get("id", Long.class), row.get("name", String.class),
                        row.get("role", String.class), row.get("note", String.class),
                        row.get("created_at", Instant.class))).all();
    }

    /** A page of the fair's matched pairs, oldest first. */
    Flux<MatchViews.Pair> pairs(long fairId, Long afterId, int limit) {
        var spec = db.sql("""
                        select m.id, m.manual, m.note, m.created_at,
                               (select max(score) from fair_match x where x.fair_id = m.fair_id
                                   and ((x.participant_id = m.participant_a and x.counterpart_participant_id = m.participant_b)
                                     or (x.participant_id = m.participant_b and x.counterpart_participant_id = m.participant_a)))
                                   as best,
                               a.id as a_id, ea.name as a_name, a.role as a_role, ea.region as a_region,
                               ea.industry as a_industry, b.id as b_id, eb.name as b_name, b.role as b_role,
                               eb.region as b_region, eb.industry as b_industry
                          from fair_match_pair m
                          join fair_participant a on a.id = m.participant_a join enterprise ea on ea.id = a.enterprise_id
                          join fair_participant b on b.id = m.participant_b join enterprise eb on eb.id = b.enterprise_id
                         where m.fair_id = :fair and (cast(:after as bigint) is null or m.id > :after)
                         order by m.id limit :limit""")
                .bind("fair", fairId).bind("limit", limit + 1);
        spec = afterId == null ? spec.bindNull("after", Long.class) : spec.bind("after", afterId);
        return spec.map(row -> new MatchViews.Pair(row.get("id", Long.class),
                new Party(row.get("a_id", Long.class), row.get("a_name", String.class), row.get("a_role", String.class),
                        row.get("a_region", String.class), row.get("a_industry", String.class)),
                new Party(row.get("b_id", Long.class), row.get("b_name", String.class), row.get("b_role", String.class),
                        row.get("b_region", String.class), row.get("b_industry", String.class)),
                Boolean.TRUE.equals(row.get("manual", Boolean.class)), row.get("note", String.class),
                row.get("best", Integer.class), row.get("created_at", Instant.class))).all();
    }

    /** A page of the fair's approved participants in no matched pair, by id. */
    Flux<Party> unmatched(long fairId, Long afterId, int limit) {
        var spec = db.sql("select " + PARTY + """
                         \sfrom fair_participant p join enterprise e on e.id = p.enterprise_id
                         where p.fair_id = :fair and p.status = 'APPROVED'
                           and (cast(:after as bigint) is null or p.id > :after)
                           and not exists (select 1 from fair_match_pair m where m.fair_id = :fair
                                             and (m.participant_a = p.id or m.participant_b = p.id))
                         order by p.id limit :limit""")
                .bind("fair", fairId).bind("limit", limit + 1);
        spec = afterId == null ? spec.bindNull("after", Long.class) : spec.bind("after", afterId);
        return spec.map(MatchReadRepository::partyOf).all();
    }

    /** Up to 20 approved participants of the fair whose enterprise name contains {@code q}, by id. */
    Flux<Party> approvedNamed(long fairId, String q) {
        return db.sql("select " + PARTY + """
                         \sfrom fair_participant p join enterprise e on e.id = p.enterprise_id
                         where p.fair_id = :fair and p.status = 'APPROVED' and strpos(e.name, :q) > 0
                         order by p.id limit 20""")
                .bind("fair", fairId).bind("q", q).map(MatchReadRepository::partyOf).all();
    }

    Mono<MatchViews.Summary> summary(long fairId) {
        return db.sql("""
                        select (select count(*) from fair_participant where fair_id = :fair and status = 'APPROVED') as approved,
                               (select count(*) from fair_match_pair where fair_id = :fair) as pairs,
                               (select count(*) from fair_match_pair where fair_id = :fair and manual) as manual,
                               (select count(*) from fair_participant p where p.fair_id = :fair and p.status = 'APPROVED'
                                   and not exists (select 1 from fair_match_pair m where m.fair_id = :fair
                                                     and (m.participant_a = p.id or m.participant_b = p.id))) as unmatched,
                               (select count(*) from fair_match where fair_id = :fair) as listing_matches,
                               r.started_at, r.finished_at, r.listings, r.matches, r.millis
                          from (select 1) one left join fair_match_run r on r.fair_id = :fair""")
                .bind("fair", fairId)
                .map(row -> new MatchViews.Summary(row.get("approved", Long.class), row.get("pairs", Long.class),
                        row.get("manual", Long.class), row.get("unmatched", Long.class),
                        row.get("listing_matches", Long.class),
                        row.get("started_at", Instant.class) == null ? null : new MatchViews.Run(
                                row.get("started_at", Instant.class), row.get("finished_at", Instant.class),
                                row.get("listings", Integer.class), row.get("matches", Integer.class),
                                row.get("millis", Long.class)))).one();
    }

    /** The KPI: distinct matched participant pairs. */
    Mono<Long> pairCount(io.livehall.fair.FairSelection fairs) {
        return db.sql("select count(*) from fair_match_pair where (:all or fair_id = any(:fairs))")
                .bind("all", fairs.all()).bind("fairs", fairs.ids())
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Records a manual pair; empty when the two are already a pair. */
    Mono<Long> addManual(long fairId, long a, long b, String note, long by) {
        return db.sql("""
                        insert into fair_match_pair (fair_id, participant_a, participant_b, manual, note, created_by)
                        values (:fair, :a, :b, true, :note, :by) on conflict do nothing returning id""")
                .bind("fair", fairId).bind("a", Math.min(a, b)).bind("b", Math.max(a, b)).bind("note", note)
                .bind("by", by).map(row -> row.get(0, Long.class)).one();
    }

    Mono<MatchViews.Pair> pair(long fairId, long id) {
        return pairs(fairId, id - 1, 1).next().filter(p -> p.id() == id);
    }

    private static Party partyOf(Readable row) {
        return new Party(row.get("id", Long.class), row.get("name", String.class), row.get("role", String.class),
                row.get("region", String.class), row.get("industry", String.class));
    }

    private static StoredMatch storedOf(Readable row) {
        String[] terms = row.get("shared_terms", String[].class);
        String complement = row.get("complement", String.class);
        MatchScore score = new MatchScore(row.get("score", Integer.class), row.get("category_points", Integer.class),
                row.get("keyword_points", Integer.class), row.get("region_points", Integer.class),
                row.get("complement_points", Integer.class), row.get("amount_points", Integer.class),
                row.get("shared_category", String.class), terms == null ? List.of() : Arrays.asList(terms),
                row.get("shared_place", String.class),
                complement == null ? null : MatchScore.Complement.valueOf(complement));
        return new StoredMatch(row.get("listing_id", Long.class), row.get("listing_title", String.class),
                row.get("counterpart_id", Long.class), row.get("c_title", String.class), row.get("c_side", String.class),
                row.get("c_category", String.class), row.get("c_region", String.class),
                row.get("counterpart_participant_id", Long.class), row.get("c_enterprise", String.class), score);
    }
}
