package io.livehall.fair.matching;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.livehall.fair.ListingSide;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of what matching reads: listing terms, the entries of a fair (kept in memory as its {@link FairIndex}, where
 * candidates are looked up), the fairs and listings a change touches.
 */
@Repository
class MatchingRepository {

    /** A listing that takes part in a fair's matching: active, valid, of an approved participant whose role fits its side. */
    private static final String ENTRY = """
            select l.id, p.id as participant_id, l.enterprise_id, l.side, l.category, l.region, e.size, e.tier,
                   coalesce(l.amount_min_fen, p.amount_min_fen) as amount_min,
                   coalesce(l.amount_max_fen, p.amount_max_fen) as amount_max,
                   coalesce(g.terms, '{}') as terms, l.valid_until
              from fair_listing l
              left join fair_listing_segmented g on g.listing_id = l.id
              join fair_participant p on p.enterprise_id = l.enterprise_id and p.fair_id = :fair and p.status = 'APPROVED'
                                     and (l.participant_id is null or l.participant_id = p.id)
              join enterprise e on e.id = l.enterprise_id
             where l.status = 'ACTIVE' and l.valid_until > :now
               and ((l.side = 'SUPPLY' and p.role in ('SUPPLIER', 'BOTH', 'PROJECT'))
                 or (l.side = 'DEMAND' and p.role in ('BUYER', 'BOTH', 'INVESTOR')))""";

    /** The title to segment: none for a questionnaire's entry (its fixed title would be a term every one shares). */
    private static final String TITLE = "case when l.participant_id is null then l.title else '' end as title";

    /** A listing's text to segment, with its version. */
    record Source(long id, String title, String description, List<String> keywords, Instant version) {
    }

    private final DatabaseClient db;

    MatchingRepository(DatabaseClient db) {
        this.db = db;
    }

    // ---- terms

    /** The listings taking part in the fair whose terms are missing or older than the listing. */
    Flux<Source> unsegmented(long fairId, Instant now) {
        return db.sql("select s.id, " + TITLE + ", l.description, l.keywords, l.updated_at from (" + ENTRY + """
                        ) s join fair_listing l on l.id = s.id
                         where not exists (select 1 from fair_listing_segmented g
                                            where g.listing_id = l.id and g.source_version = l.updated_at)""")
                .bind("fair", fairId).bind("now", now).map(MatchingRepository::sourceOf).all();
    }

    /** The listing's text if its terms are missing or stale; empty when current (or no such listing). */
    Mono<Source> unsegmented(long listingId) {
        return db.sql("""
                        select l.id, %s, l.description, l.keywords, l.updated_at from fair_listing l
                         where l.id = :id and not exists (select 1 from fair_listing_segmented g
                                            where g.listing_id = l.id and g.source_version = l.updated_at)""".formatted(TITLE))
                .bind("id", listingId).map(MatchingRepository::sourceOf).one();
    }

    /** Replaces the terms of these listings (parallel arrays: listing, version, terms joined by U+001F). */
    Mono<Void> saveTerms(Long[] listings, Instant[] versions, String[] joinedTerms) {
        return db.sql("delete from fair_listing_term where listing_id = any(:ids)").bind("ids", listings)
                .fetch().rowsUpdated()
                .then(db.sql("""
                                insert into fair_listing_term (listing_id, term)
                                select distinct r.id, t.term
                                  from unnest(cast(:ids as bigint[]), cast(:terms as text[])) as r(id, joined)
                                  cross join unnest(string_to_array(r.joined, chr(31))) as t(term)
                                 where t.term <> ''""")
                        .bind("ids", listings).bind("terms", joinedTerms).fetch().rowsUpdated())
                .then(db.sql("""
                                insert into fair_listing_segmented (listing_id, source_version, terms)
                                select r.id, r.version,
                                       case when r.joined = '' then '{}'::text[] else string_to_array(r.joined, chr(31)) end
                                  from unnest(cast(:ids as bigint[]), cast(:versions as timestamptz[]),
                                              cast(:terms as text[])) as r(id, version, joined)
                                on conflict (listing_id) do update set source_version = excluded.source_version,
                                                                       terms = excluded.terms""")
                        .bind("ids", listings).bind("versions", versions).bind("terms", joinedTerms).fetch().rowsUpdated())
                .then();
    }

    // ---- entries

    /** Every listing taking part in the fair, by id. */
    Flux<MatchEntry> entries(long fairId, Instant now) {
        return db.sql(ENTRY + " order by l.id").bind("fair", fairId).bind("now", now)
                .map(MatchingRepository::entryOf).all();
    }

    /** The entries of these listings that take part in the fair. */
    Flux<MatchEntry> entries(long fairId, Long[] listingIds, Instant now) {
        return db.sql(ENTRY + " and l.id = any(:ids)").bind("fair", fairId).bind("now", now).bind("ids", listingIds)
                .map(MatchingRepository::entryOf).all();
    }

    /** What one matching job changed: the listing whose entry it re-read (0: all), the lists it rewrote (or none). */
    record Note(long listingId, Long[] lists) {
    }

    /** What the fair's matching jobs of versions {@code from} to {@code to} changed. */
    Flux<Note> notes(long fairId, long from, long to) {
        return db.sql("""
                        select listing_id, lists from fair_match_index_change
                         where fair_id = :fair and version between :from and :to""")
                .bind("fair", fairId).bind("from", from).bind("to", to)
                .map(row -> new Note(row.get(0, Long.class), row.get(1, Long[].class))).all();
    }

    Mono<MatchEntry> entry(long fairId, long listingId, Instant now) {
        return db.sql(ENTRY + " and l.id = :id").bind("fair", fairId).bind("now", now).bind("id", listingId)
                .map(MatchingRepository::entryOf).one();
    }

    // ---- stored matches

    /** The fairs a listing takes part in or has stored matches at. */
    Flux<Long> fairsOfListing(long listingId) {
        return db.sql("""
                        select p.fair_id from fair_listing l
                          join fair_participant p on p.enterprise_id = l.enterprise_id and p.status = 'APPROVED'
                                                 and (l.participant_id is null or l.participant_id = p.id)
                         where l.id = :id
                        union
                        select fair_id from fair_match where listing_id = :id
                        order by 1""")
                .bind("id", listingId).map(row -> row.get(0, Long.class)).all();
    }

    /** The listings of a participant's enterprise (any status: a withdrawn one loses its matches). */
    Flux<Long> listingsOfParticipant(long participantId) {
        return db.sql("""
                        select l.id from fair_participant p join fair_listing l on l.enterprise_id = p.enterprise_id
                                and (l.participant_id is null or l.participant_id = p.id)
                         where p.id = :id
                        union
                        select listing_id from fair_match where participant_id = :id
                        order by 1""")
                .bind("id", participantId).map(row -> row.get(0, Long.class)).all();
    }


    /** The fair's participants whose enterprises own these listings. */
    Flux<Long> participantsOf(long fairId, Long[] listings) {
        return db.sql("""
                        select distinct p.id from fair_listing l
                          join fair_participant p on p.enterprise_id = l.enterprise_id and p.fair_id = :fair
                                                 and (l.participant_id is null or l.participant_id = p.id)
                         where l.id = any(:ids)""")
                .bind("fair", fairId).bind("ids", listings).map(row -> row.get(0, Long.class)).all();
    }

    private static Source sourceOf(Readable row) {
        String[] keywords = row.get("keywords", String[].class);
        return new Source(row.get("id", Long.class), row.get("title", String.class), row.get("description", String.class),
                keywords == null ? List.of() : Arrays.asList(keywords), row.get("updated_at", Instant.class));
    }

    private static MatchEntry entryOf(Readable row) {
        String[] terms = row.get("terms", String[].class);
        return new MatchEntry(row.get("id", Long.class), row.get("participant_id", Long.class),
                row.get("enterprise_id", Long.class), ListingSide.valueOf(row.get("side", String.class)),
                row.get("category", String.class), Place.of(row.get("region", String.class)),
                EnterpriseSize.valueOf(row.get("size", String.class)),
                SpecialisationTier.valueOf(row.get("tier", String.class)), row.get("amount_min", Long.class),
                row.get("amount_max", Long.class), sorted(terms), row.get("valid_until", Instant.class));
    }

    /** Java's order of the terms (PostgreSQL's "C" order differs only past the BMP). */
    private static String[] sorted(String[] terms) {
        if (terms == null) {
            return new String[0];
        }
        Arrays.sort(terms);
        return terms;
    }
}
