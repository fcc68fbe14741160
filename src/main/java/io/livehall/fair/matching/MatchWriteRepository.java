package io.livehall.fair.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of what matching writes: the stored lists (read in brief, cleared, patched, trimmed, inserted), the matched pairs
 * and the record of a fair's last full run.
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

    /** The stored lists of these listings at the fair in brief, with {@code counterpartId}'s score in each. */
    Mono<Map<Long, Stored>> stored(long fairId, Long[] listings, long counterpartId) {
        return db.sql("""
                        select listing_id, count(*) as size,
                               (array_agg(counterpart_id order by score, counterpart_id desc))[1] as last_id,
                               min(score) as last_score,
                               max(score) filter (where counterpart_id = :c) as old_score
                          from fair_match where fair_id = :fair and listing_id = any(:ids)
                         group by listing_id""")
                .bind("fair", fairId).bind("ids", listings).bind("c", counterpartId)
                .map(row -> Map.entry(row.get("listing_id", Long.class), new Stored(row.get("size", Long.class).intValue(),
                        new Ranked(row.get("last_id", Long.class), row.get("last_score", Integer.class)),
                        row.get("old_score", Integer.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Removes one counterpart from these listings' stored lists. */
    Mono<Long> clearCounterpart(long fairId, Long[] listings, long counterpartId) {
        return db.sql("delete from fair_match where fair_id = :fair and listing_id = any(:ids) and counterpart_id = :c")
                .bind("fair", fairId).bind("ids", listings).bind("c", counterpartId).fetch().rowsUpdated();
    }

    /** Keeps only the best {@code n} stored counterparts of each of these listings. */
    Mono<Long> trim(long fairId, Long[] listings, int n) {
        return db.sql("""
                        delete from fair_match m using (
                                select listing_id, counterpart_id,
                                       row_number() over (partition by listing_id order by score desc, counterpart_id) as rank
                                  from fair_match where fair_id = :fair and listing_id = any(:ids)) r
                         where m.fair_id = :fair and m.listing_id = r.listing_id and m.counterpart_id = r.counterpart_id
                           and r.rank > :n""")
                .bind("fair", fairId).bind("ids", listings).bind("n", n).fetch().rowsUpdated();
    }

    /** The listings that have this one among their stored counterparts at the fair. */
    Flux<Long> rankedBy(long fairId, long counterpartId) {
        return db.sql("select listing_id from fair_match where fair_id = :fair and counterpart_id = :id order by 1")
                .bind("fair", fairId).bind("id", counterpartId).map(row -> row.get(0, Long.class)).all();
    }

    Mono<Long> clearFair(long fairId) {
        return db.sql("delete from fair_match where fair_id = :fair").bind("fair", fairId).fetch().rowsUpdated();
    }

    /** Removes these listings' stored counterparts at the fair. */
    Mono<Long> clear(long fairId, Long[] listings) {
        return db.sql("delete from fair_match where fair_id = :fair and listing_id = any(:ids)")
                .bind("fair", fairId).bind("ids", listings).fetch().rowsUpdated();
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
