package io.livehall.fair.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of what matching writes: the stored lists (read, removed, inserted), the version of the fair's matching with the
 * notes of what each job changed, the matched pairs and the record of a fair's last full run.
 */
@Repository
class MatchWriteRepository {

    /** A stored counterpart of a listing, enough to rank it. */
    record Ranked(long counterpartId, int score) {
    }

    /** A stored list in brief: its size, its last (worst) entry, and one counterpart's score in it (null: absent). */
    record Stored(int size, Ranked last, Integer oldScore) {

        static final Stored EMPTY = new Stored(0, null, null);
    }

    private final DatabaseClient db;

    MatchWriteRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The stored lists at the fair (of these listings; all when null): (listing, counterpart, total), best first. */
    Flux<long[]> lists(long fairId, Long[] listings) {
        var spec = db.sql("select listing_id, counterpart_id, score from fair_match where fair_id = :fair"
                        + (listings == null ? "" : " and listing_id = any(:ids)")
                        + " order by listing_id, score desc, counterpart_id")
                .bind("fair", fairId);
        if (listings != null) {
            spec = spec.bind("ids", listings);
        }
        return spec.map(row -> new long[] {row.get(0, Long.class), row.get(1, Long.class), row.get(2, Integer.class)})
                .all();
    }

    /**
     * A changed listing's job removes what it rewrites: the whole lists of {@code rewritten}, and the pairs (listing,
     * counterpart) given; and notes the lists it changed under its version ({@link FairIndexes}).
     */
    Mono<Long> remove(long fairId, long version, Long[] rewritten, Long[] pairListings, Long[] pairCounterparts,
                      Long[] changedLists) {
        return db.sql("""
                        with noted as (update fair_match_index_change set lists = :lists
                                        where fair_id = :fair and version = :version)
                        delete from fair_match where fair_id = :fair
                           and (listing_id = any(:rewritten)
                                or (listing_id, counterpart_id) in (select * from unnest(cast(:pl as bigint[]),
                                                                                         cast(:pc as bigint[]))))""")
                .bind("fair", fairId).bind("version", version).bind("lists", changedLists).bind("rewritten", rewritten)
                .bind("pl", pairListings).bind("pc", pairCounterparts).fetch().rowsUpdated();
    }

    /**
     * Bumps the version of the fair's entries as matching jobs know them ({@link FairIndexes}), noting the listing whose
     * entry the job re-reads (0: all of them) and dropping notes {@link FairIndexes#NOTES} versions old; the new version.
     */
    Mono<Long> bumpIndexVersion(long fairId, long listingId) {
        return db.sql("""
                        with v as (insert into fair_match_index (fair_id, version) values (:fair, 1)
                                   on conflict (fair_id) do update set version = fair_match_index.version + 1
                                   returning version),
                             noted as (insert into fair_match_index_change (fair_id, version, listing_id)
                                       select :fair, version, :listing from v),
                             dropped as (delete from fair_match_index_change
                                          where fair_id = :fair and version <= (select version from v) - :notes)
                        select version from v""")
                .bind("fair", fairId).bind("listing", listingId).bind("notes", FairIndexes.NOTES)
                .map(row -> row.get(0, Long.class)).one();
    }

    Mono<Long> clearFair(long fairId) {
        return db.sql("delete from fair_match where fair_id = :fair").bind("fair", fairId).fetch().rowsUpdated();
    }

    Mono<Long> insert(List<MatchRow> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        int n = rows.size();
        Long[] listing = new Long[n];
        Long[] counterpart = new Long[n];
        Long[] participant = new Long[n];
        Long[] counterpartParticipant = new Long[n];
        Integer[][] points = new Integer[6][n];
        String[] category = new String[n];
        String[] terms = new String[n];
        String[] place = new String[n];
        String[] complement = new String[n];
        for (int i = 0; i < n; i++) {
            MatchRow row = rows.get(i);
            MatchScore s = row.score();
            listing[i] = row.self().listingId();
            counterpart[i] = row.other().listingId();
            participant[i] = row.self().participantId();
            counterpartParticipant[i] = row.other().participantId();
            points[0][i] = s.total();
            points[1][i] = s.categoryPoints();
            points[2][i] = s.keywordPoints();
            points[3][i] = s.regionPoints();
            points[4][i] = s.complementPoints();
            points[5][i] = s.amountPoints();
            category[i] = s.sharedCategory() == null ? "" : s.sharedCategory();
            terms[i] = String.join("\u001f", s.sharedTerms());
            place[i] = s.sharedPlace() == null ? "" : s.sharedPlace();
            complement[i] = s.complement() == null ? "" : s.complement().name();
        }
        return db.sql("""
                        insert into fair_match (fair_id, listing_id, counterpart_id, participant_id,
                                                counterpart_participant_id, score, category_points, keyword_points,
                                                region_points, complement_points, amount_points, shared_category,
                                                shared_terms, shared_place, complement)
                        select :fair, r.l, r.c, r.p, r.cp, r.s, r.cat, r.kw, r.rg, r.cm, r.am, nullif(r.sc, ''),
                               case when r.st = '' then '{}'::text[] else string_to_array(r.st, chr(31)) end,
                               nullif(r.sp, ''), nullif(r.cx, '')
                          from unnest(cast(:l as bigint[]), cast(:c as bigint[]), cast(:p as bigint[]),
                                      cast(:cp as bigint[]), cast(:s as int[]), cast(:cat as int[]), cast(:kw as int[]),
                                      cast(:rg as int[]), cast(:cm as int[]), cast(:am as int[]), cast(:sc as text[]),
                                      cast(:st as text[]), cast(:sp as text[]), cast(:cx as text[]))
                               as r(l, c, p, cp, s, cat, kw, rg, cm, am, sc, st, sp, cx)""")
                .bind("fair", rows.get(0).fairId()).bind("l", listing).bind("c", counterpart).bind("p", participant)
                .bind("cp", counterpartParticipant).bind("s", points[0]).bind("cat", points[1]).bind("kw", points[2])
                .bind("rg", points[3]).bind("cm", points[4]).bind("am", points[5]).bind("sc", category)
                .bind("st", terms).bind("sp", place).bind("cx", complement).fetch().rowsUpdated();
    }

    // ---- pairs and runs

    /** Records the participant pairs of the listings' stored matches; the pairs that are new, as (a, b). */
    Flux<long[]> recordPairs(long fairId, Long[] listings) {
        return db.sql("""
                        insert into fair_match_pair (fair_id, participant_a, participant_b, manual)
                        select distinct :fair, least(participant_id, counterpart_participant_id),
                               greatest(participant_id, counterpart_participant_id), false
                          from fair_match where fair_id = :fair and listing_id = any(:ids)
                        on conflict do nothing
                        returning participant_a, participant_b""")
                .bind("fair", fairId).bind("ids", listings)
                .map(row -> new long[] {row.get(0, Long.class), row.get(1, Long.class)}).all();
    }

    /** Records the participant pairs of all the fair's stored matches; the new ones. */
    Flux<long[]> recordAllPairs(long fairId) {
        return db.sql("""
                        insert into fair_match_pair (fair_id, participant_a, participant_b, manual)
                        select distinct :fair, least(participant_id, counterpart_participant_id),
                               greatest(participant_id, counterpart_participant_id), false
                          from fair_match where fair_id = :fair
                        on conflict do nothing
                        returning participant_a, participant_b""")
                .bind("fair", fairId).map(row -> new long[] {row.get(0, Long.class), row.get(1, Long.class)}).all();
    }

    Mono<Void> runStarted(long fairId, Instant at) {
        return db.sql("""
                        insert into fair_match_run (fair_id, started_at) values (:fair, :at)
                        on conflict (fair_id) do update set started_at = :at, finished_at = null""")
                .bind("fair", fairId).bind("at", at).fetch().rowsUpdated().then();
    }

    Mono<Void> runFinished(long fairId, Instant at, int listings, long matches, long millis) {
        return db.sql("""
                        update fair_match_run set finished_at = :at, listings = :listings, matches = :matches,
                                                  millis = :millis where fair_id = :fair""")
                .bind("fair", fairId).bind("at", at).bind("listings", listings).bind("matches", (int) matches)
                .bind("millis", millis).fetch().rowsUpdated().then();
    }
}
