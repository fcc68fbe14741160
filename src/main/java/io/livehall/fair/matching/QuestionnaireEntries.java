package io.livehall.fair.matching;

import java.time.Clock;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A roadshow participant's questionnaire as a matching entry: investors and project owners at a roadshow often have
 * no listings, so what they offer and need (text of up to 1,000 characters each) takes part as a listing of that
 * participant at that fair only ({@code fair_listing.participant_id}): a project (PROJECT) on the supply side, an
 * investor (INVESTOR) on the demand side, valid until the fair ends, its amount range the questionnaire's. Kept here,
 * before a participant's or a fair's matching job, so it is segmented by {@link TermExtractor} and indexed by
 * {@link FairIndex} like any listing; its text changes (re-registration, 补充材料) bump its version and so re-match it. A
 * questionnaire left empty, or a role that is not a roadshow's, withdraws it. No industry category: its category
 * part is 0.
 */
@Repository
class QuestionnaireEntries {

    private static final String UPSERT = """
            insert into fair_listing (enterprise_id, created_by, side, title, description, category, keywords, region,
                                      valid_until, status, participant_id, created_at, updated_at)
            select p.enterprise_id, p.user_id,
                   case when p.role = 'PROJECT' then 'SUPPLY' else 'DEMAND' end,
                   case when p.role = 'PROJECT' then '路演项目（报名问卷）' else '投资意向（报名问卷）' end,
                   left(concat_ws(chr(10), case when p.offers <> '' then '提供：' || p.offers end,
                                           case when p.needs <> '' then '需要：' || p.needs end), 2000),
                   null, '{}', e.region, f.ends_at,
                   case when p.role in ('PROJECT', 'INVESTOR') and (p.offers <> '' or p.needs <> '')
                        then 'ACTIVE' else 'WITHDRAWN' end,
                   p.id, :now, :now
              from fair_participant p
              join fair f on f.id = p.fair_id and f.kind = 'ROADSHOW'
              join enterprise e on e.id = p.enterprise_id
             where %s
            on conflict (participant_id) where participant_id is not null do update
               set side = excluded.side, title = excluded.title, description = excluded.description,
                   region = excluded.region, valid_until = excluded.valid_until, status = excluded.status,
                   updated_at = excluded.updated_at
             where (fair_listing.side, fair_listing.title, fair_listing.description, fair_listing.region,
                    fair_listing.valid_until, fair_listing.status)
                   is distinct from (excluded.side, excluded.title, excluded.description, excluded.region,
                                     excluded.valid_until, excluded.status)""";

    private final DatabaseClient db;
    private final Clock clock;

    QuestionnaireEntries(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Brings the participant's questionnaire entry up to date (nothing unless it is at a roadshow). */
    Mono<Void> participant(long participantId) {
        return db.sql(UPSERT.formatted("p.id = :id")).bind("id", participantId).bind("now", clock.instant())
                .fetch().rowsUpdated().then();
    }

    /** Brings the questionnaire entries of every participant of the fair up to date (nothing unless a roadshow). */
    Mono<Void> fair(long fairId) {
        return db.sql(UPSERT.formatted("p.fair_id = :id")).bind("id", fairId).bind("now", clock.instant())
                .fetch().rowsUpdated().then();
    }
}
