package io.livehall.fair.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairSelection;
import io.livehall.fair.PairStage;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.pipeline.PipelineViews.HistoryEntry;
import io.livehall.fair.pipeline.PipelineViews.PairView;
import io.livehall.fair.pipeline.PipelineViews.Side;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of pairs and their history. */
@Repository
class PipelineRepository {

    private static final String STAGES = "array['MATCHED', 'CONTACTED', 'MET', 'INTENTION', 'SIGNED']";
    private static final String PAIR = """
            select x.id, x.fair_id, x.stage, x.intended_amount_fen, x.intended_on, x.signed_amount_fen, x.signed_on,
                   x.note, x.drop_reason, x.version, x.created_at, x.updated_at,
                   lp.id as l_id, lp.enterprise_id as l_enterprise, le.name as l_name, lp.role as l_role, le.region as l_region,
                   hp.id as h_id, hp.enterprise_id as h_enterprise, he.name as h_name, hp.role as h_role, he.region as h_region
              from fair_pair x
              join fair_participant lp on lp.id = x.low_participant_id join enterprise le on le.id = lp.enterprise_id
              join fair_participant hp on hp.id = x.high_participant_id join enterprise he on he.id = hp.enterprise_id""";

    private final DatabaseClient db;

    PipelineRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<PairView> pair(long fairId, long pairId) {
        return db.sql(PAIR + " where x.id = :id and x.fair_id = :fair").bind("id", pairId).bind("fair", fairId)
                .map(PipelineRepository::pairOf).one();
    }

    /** The pairs of one participant, newest first (keyset by id). */
    Flux<PairView> pairsOf(long participantId, PageRequest page) {
        return db.sql(PAIR + """
                         \swhere (x.low_participant_id = :p or x.high_participant_id = :p)
                           and x.id < :after
                         order by x.id desc limit :limit""")
                .bind("p", participantId).bind("after", after(page)).bind("limit", page.limit() + 1)
                .map(PipelineRepository::pairOf).all();
    }

    /** A fair's pairs, at one stage or all, by id descending (keyset). */
    Flux<PairView> pairsOfFair(long fairId, PairStage stage, PageRequest page) {
        var spec = db.sql(PAIR + " where x.fair_id = :fair" + (stage == null ? "" : " and x.stage = :stage") + """
                         \sand x.id < :after
                         order by x.id desc limit :limit""")
                .bind("fair", fairId).bind("after", after(page)).bind("limit", page.limit() + 1);
        return (stage == null ? spec : spec.bind("stage", stage.name())).map(PipelineRepository::pairOf).all();
    }

    /** Every pair of a fair, by id (the CSV). */
    Flux<PairView> allOfFair(long fairId) {
        return db.sql(PAIR + " where x.fair_id = :fair order by x.id").bind("fair", fairId)
                .map(PipelineRepository::pairOf).all();
    }

    Flux<HistoryEntry> history(long pairId) {
        return db.sql("""
                        select h.id, u.display_name, h.from_stage, h.to_stage, h.reason, h.note, h.intended_amount_fen,
                               h.signed_amount_fen, h.at
                          from fair_pair_history h left join app_user u on u.id = h.by_user_id
                         where h.pair_id = :pair order by h.id desc limit 200""")
                .bind("pair", pairId)
                .map(row -> new HistoryEntry(row.get("id", Long.class), row.get("display_name", String.class),
                        stage(row.get("from_stage", String.class)), stage(row.get("to_stage", String.class)),
                        row.get("reason", String.class), row.get("note", String.class),
                        row.get("intended_amount_fen", Long.class), row.get("signed_amount_fen", Long.class),
                        row.get("at", Instant.class)))
                .all();
    }

    /**
     * Moves the pair (creating it if new) forward to {@code stage} unless it is already there or beyond, SIGNED or
     * DROPPED; writes the history row of a creation or move. Emits the pair's id when it changed, nothing otherwise.
     * The upsert locks the row (a concurrent move waits and is re-checked); the history's {@code from} is the stage
     * as the statement found it (no FOR UPDATE: a row this statement updates would be skipped by it).
     */
    Mono<Long> reach(long fairId, long low, long high, PairStage stage, Long byUserId, Instant at) {
        return bindOrNull(db.sql("""
                        with before as (
                            select stage from fair_pair
                             where fair_id = :fair and low_participant_id = :low and high_participant_id = :high),
                        moved as (
                            insert into fair_pair (fair_id, low_participant_id, high_participant_id, stage, created_at,
                                                   updated_at)
                            values (:fair, :low, :high, :stage, :at, :at)
                            on conflict (fair_id, low_participant_id, high_participant_id) do update
                               set stage = excluded.stage, version = fair_pair.version + 1, updated_at = excluded.updated_at
                             where fair_pair.stage not in ('SIGNED', 'DROPPED')
                               and array_position(%1$s, fair_pair.stage) < array_position(%1$s, excluded.stage)
                            returning id, stage)
                        insert into fair_pair_history (pair_id, by_user_id, from_stage, to_stage, at)
                        select moved.id, :by, (select stage from before), moved.stage, :at from moved
                        returning pair_id""".formatted(STAGES))
                .bind("fair", fairId).bind("low", low).bind("high", high).bind("stage", stage.name())
                .bind("at", at), "by", byUserId, Long.class)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Applies a change made on {@code version}: 1 row, or 0 when the pair changed meanwhile. */
    Mono<Long> update(long pairId, PairUpdate change, Instant at) {
        var spec = db.sql("""
                        update fair_pair
                           set stage = :stage, intended_amount_fen = :ia, intended_on = :io, signed_amount_fen = :sa,
                               signed_on = :so, note = coalesce(:note, note),
                               drop_reason = case when :stage = 'DROPPED' then coalesce(:reason, drop_reason) end,
                               version = version + 1, updated_at = :at
                         where id = :id and version = :version""")
                .bind("id", pairId).bind("version", change.version()).bind("stage", change.stage().name())
                .bind("at", at);
        spec = bindOrNull(spec, "ia", change.intendedAmountFen(), Long.class);
        spec = bindOrNull(spec, "io", change.intendedOn(), LocalDate.class);
        spec = bindOrNull(spec, "sa", change.signedAmountFen(), Long.class);
        spec = bindOrNull(spec, "so", change.signedOn(), LocalDate.class);
        spec = bindOrNull(spec, "note", change.noteText(), String.class);
        spec = bindOrNull(spec, "reason", change.reasonText(), String.class);
        return spec.fetch().rowsUpdated();
    }

    Mono<Void> history(long pairId, long byUserId, PairStage from, PairUpdate change, Instant at) {
        var spec = db.sql("""
                        insert into fair_pair_history (pair_id, by_user_id, from_stage, to_stage, reason, note,
                                                       intended_amount_fen, signed_amount_fen, at)
                        values (:pair, :by, :from, :to, :reason, :note, :ia, :sa, :at)""")
                .bind("pair", pairId).bind("by", byUserId).bind("from", from.name()).bind("to", change.stage().name())
                .bind("at", at);
        spec = bindOrNull(spec, "reason", change.reasonText(), String.class);
        spec = bindOrNull(spec, "note", change.noteText(), String.class);
        spec = bindOrNull(spec, "ia", change.intendedAmountFen(), Long.class);
        spec = bindOrNull(spec, "sa", change.signedAmountFen(), Long.class);
        return spec.then();
    }

    /** INTENTIONS (pairs at INTENTION or SIGNED), SIGNED and their amounts. */
    Mono<Map<FairFigure, Long>> figures(FairSelection fairs) {
        return db.sql("""
                        select count(*) filter (where stage in ('INTENTION', 'SIGNED')) as intentions,
                               count(*) filter (where stage = 'SIGNED') as signed,
                               least(coalesce(sum(intended_amount_fen) filter (where stage in ('INTENTION', 'SIGNED')), 0),
                                     9223372036854775807)::bigint as intended,
                               least(coalesce(sum(signed_amount_fen) filter (where stage = 'SIGNED'), 0),
                                     9223372036854775807)::bigint as signed_amount
                          from fair_pair where (:all or fair_id = any(:fairs))""")
                .bind("all", fairs.all()).bind("fairs", fairs.ids())
                .map(row -> {
                    Map<FairFigure, Long> figures = new EnumMap<>(FairFigure.class);
                    figures.put(FairFigure.INTENTIONS, row.get("intentions", Long.class));
                    figures.put(FairFigure.SIGNED, row.get("signed", Long.class));
                    figures.put(FairFigure.INTENDED_AMOUNT_FEN, row.get("intended", Long.class));
                    figures.put(FairFigure.SIGNED_AMOUNT_FEN, row.get("signed_amount", Long.class));
                    return figures;
                }).one();
    }

    /** How many pairs of the fair stand at each stage (every stage named, 0 when none). */
    Mono<Map<PairStage, Long>> stages(long fairId) {
        return db.sql("select stage, count(*) as n from fair_pair where fair_id = :fair group by stage")
                .bind("fair", fairId)
                .map(row -> Map.entry(PairStage.valueOf(row.get("stage", String.class)), row.get("n", Long.class)))
                .all()
                .collect(() -> {
                    Map<PairStage, Long> stages = new EnumMap<>(PairStage.class);
                    for (PairStage s : PairStage.values()) {
                        stages.put(s, 0L);
                    }
                    return stages;
                }, (map, e) -> map.put(e.getKey(), e.getValue()));
    }

    /** The fairs a changed listing takes part in: those its enterprise registered for. */
    Flux<Long> fairsOfListing(long listingId) {
        return db.sql("""
                        select p.fair_id from fair_participant p join fair_listing l on l.enterprise_id = p.enterprise_id
                                and (l.participant_id is null or l.participant_id = p.id)
                         where l.id = :listing""")
                .bind("listing", listingId).map(row -> row.get(0, Long.class)).all();
    }

    private static long after(PageRequest page) {
        return page.afterId() == null ? Long.MAX_VALUE : page.afterId();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                    T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static PairView pairOf(Readable row) {
        return new PairView(row.get("id", Long.class), row.get("fair_id", Long.class),
                side(row, "l_"), side(row, "h_"), stage(row.get("stage", String.class)),
                row.get("intended_amount_fen", Long.class), row.get("intended_on", LocalDate.class),
                row.get("signed_amount_fen", Long.class), row.get("signed_on", LocalDate.class),
                row.get("note", String.class), row.get("drop_reason", String.class),
                row.get("version", Integer.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static Side side(Readable row, String prefix) {
        return new Side(row.get(prefix + "id", Long.class), row.get(prefix + "enterprise", Long.class),
                row.get(prefix + "name", String.class), ParticipantRole.valueOf(row.get(prefix + "role", String.class)),
                row.get(prefix + "region", String.class));
    }

    private static PairStage stage(String name) {
        return name == null ? null : PairStage.valueOf(name);
    }
}
